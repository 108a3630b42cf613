"""refs: a citation and bibliography manager for news digests."""

__version__ = "0.1.0"
