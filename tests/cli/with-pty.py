#!/usr/bin/env python3
"""Runs a command on a new pseudo-terminal and answers each passphrase prompt.

usage: with-pty.py PASSPHRASE TRANSCRIPT COMMAND [ARG...]

Tools such as `age` read passphrases from the terminal only. Every time the command's terminal
output shows a prompt with "passphrase" in it, PASSPHRASE and a newline are typed. Everything the
terminal showed is saved to TRANSCRIPT (to check that nothing was echoed). Exits with the
command's status."""
import os
import pty
import select
import sys

passphrase, transcript, command = sys.argv[1].encode(), sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

seen = b""
answered = 0
while True:
    ready, _, _ = select.select([fd], [], [], 30)
    if not ready:
        # Nothing shown for 30 s: answer a prompt we may have missed once, then give up rather
        # than hang the test suite.
        if seen.lower().count(b"passphrase") > answered:
            answered = seen.lower().count(b"passphrase")
            os.write(fd, passphrase + b"\n")
            continue
        os.kill(pid, 9)
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    # A prompt: "passphrase" shown since the last answer, and the line waiting at a colon (escape
    # sequences and spaces after it do not matter).
    tail = seen.rstrip().rstrip(b"\x1b[0m").rstrip()
    if seen.lower().count(b"passphrase") > answered and tail.endswith(b":"):
        answered = seen.lower().count(b"passphrase")
        os.write(fd, passphrase + b"\n")
_, status = os.waitpid(pid, 0)
with open(transcript, "wb") as out:
    out.write(seen)
sys.exit(os.waitstatus_to_exitcode(status))
