"""Remote recognition engines, one module per service contract (see ../shared/docs/remote-apis.md)."""
