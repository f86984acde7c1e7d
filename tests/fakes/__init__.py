"""Local stand-ins for outside services, over real network protocols, for tests without internet."""
