"""Model fields that encrypt on the way into the database and decrypt on the way out."""

from __future__ import annotations

from typing import Any

from django.db import models

from corridor.core.crypto import decrypt_text, encrypt_text


class EncryptedTextField(models.BinaryField):  # type: ignore[type-arg]
    """Stores text as AES-GCM ciphertext; the column is never readable without the key ring.

    The model label and field name are bound into the ciphertext (as associated data) so a value
    copied into another column does not decrypt.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("editable", True)
        super().__init__(*args, **kwargs)

    def _context(self) -> str:
        return f"{self.model._meta.label_lower}.{self.name}"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return decrypt_text(bytes(value), context=self._context())

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (bytes, memoryview)):
            return super().get_prep_value(value)
        return super().get_prep_value(encrypt_text(str(value), context=self._context()))

    def value_to_string(self, obj: models.Model) -> str:
        return str(self.value_from_object(obj) or "")
