"""The demo's e-mail backend: one readable line per message on the console instead of the raw message with
its base64-encoded headers (``EMAIL_BACKEND`` in the demo; ``consolemail://`` prints whole messages)."""

import re
import sys
import threading

from django.core.mail.backends.base import BaseEmailBackend

LINK = re.compile(r"https?://\S+")


def one_line(message) -> str:
    """«✉ кому: «тема» — первая ссылка письма»."""
    link = LINK.search(message.body or "")
    recipients = ", ".join(message.to + message.cc + message.bcc)
    line = f"✉ {recipients}: «{message.subject}»"
    return f"{line} — {link.group(0)}" if link else line


class OneLineConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        with self._lock:
            for message in email_messages:
                self.stream.write(one_line(message) + "\n")
            self.stream.flush()
        return len(email_messages)
