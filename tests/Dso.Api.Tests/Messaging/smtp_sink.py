"""An SMTP server on loopback for the tests (Debian's python3-aiosmtpd): every message it accepts lands in a
maildir. A recipient whose address starts with "refused" is answered 550. With --stall, the first message's DATA
is never answered (a server that hangs mid-send). Prints "ready" once listening; runs until killed or stdin closes."""
import argparse
import asyncio
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


class Sink(Mailbox):
    def __init__(self, maildir, stall):
        super().__init__(maildir)
        self.stall = stall

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.stall:
            self.stall = False
            await asyncio.sleep(3600)
        return await super().handle_DATA(server, session, envelope)


parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("maildir")
parser.add_argument("--stall", action="store_true")
args = parser.parse_args()
controller = Controller(Sink(args.maildir, args.stall), hostname="127.0.0.1", port=args.port)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
