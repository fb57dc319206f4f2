"""Hugging Face Inference Providers: the Hub's provider mapping, one module per provider's contract, the engine."""
