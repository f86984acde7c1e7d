"""Signed and encrypted messages between Corridor nodes."""
