"""A multi-threaded syscall storm for scripts/bench: N threads, each making M stat calls.

os.stat releases the GIL around the syscall, so the threads really do enter the
kernel concurrently and the tracer sees interleaved stops from all of them.
"""
import os
import sys
import threading

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 8
calls = int(sys.argv[2]) if len(sys.argv) > 2 else 2000


def work():
    for _ in range(calls):
        os.stat("/")


ts = [threading.Thread(target=work) for _ in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
