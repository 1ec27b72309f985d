package dev.jstrace.decode;

import java.util.Map;

/**
 * The python3 programs of the differential corpus. Each is deterministic given
 * PYTHONHASHSEED=0 and a fresh fixture directory: fixed file names, a loopback
 * socket pair on an ephemeral port (normalised), threads joined before exit.
 */
final class PythonCorpus {
    private PythonCorpus() {}

    /** File name to program text, written into the run directory. */
    static final Map<String, String> SCRIPTS = Map.of(
            "imports.py", """
                    import json, collections, hashlib, base64
                    d = collections.OrderedDict(a=1, b=[1, 2])
                    print(json.dumps(d), hashlib.sha256(b"x").hexdigest()[:8], base64.b64encode(b"hi"))
                    """,
            "files.py", """
                    import os
                    with open("py.txt", "w") as f:
                        f.write("hello\\nworld\\n")
                    with open("py.txt", "rb") as f:
                        data = f.read()
                    os.stat("py.txt")
                    os.rename("py.txt", "py2.txt")
                    print(sorted(os.listdir(".")), len(data))
                    fd = os.open("py2.txt", os.O_RDWR | os.O_APPEND)
                    os.write(fd, b"\\x00\\x01\\xff tail")
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.read(fd, 100)
                    os.close(fd)
                    os.unlink("py2.txt")
                    try:
                        os.stat("missing")
                    except FileNotFoundError:
                        pass
                    """,
            "sockets.py", """
                    import socket
                    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    srv.bind(("127.0.0.1", 0))
                    srv.listen(1)
                    cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    cli.connect(srv.getsockname())
                    conn, _ = srv.accept()
                    cli.sendall(b"ping\\n")
                    print(conn.recv(16))
                    conn.sendall(b"pong")
                    cli.recv(16)
                    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    u.bind(("127.0.0.1", 0))
                    u.sendto(b"dgram", u.getsockname())
                    u.recvfrom(16)
                    for s in (cli, conn, srv, u):
                        s.close()
                    """,
            "threads.py", """
                    import threading
                    def work(i):
                        with open("t%d.txt" % i, "w") as f:
                            f.write("thread %d\\n" % i)
                    # One thread at a time: racing threads make a different futex history on every run.
                    for i in range(3):
                        t = threading.Thread(target=work, args=(i,))
                        t.start()
                        t.join()
                    print("done")
                    """,
            "subproc.py", """
                    import subprocess
                    r = subprocess.run(["cat", "f.txt"], capture_output=True)
                    subprocess.run(["/bin/true"])
                    print(len(r.stdout))
                    """,
            "mm.py", """
                    import mmap
                    with open("f.txt", "r+b") as f:
                        m = mmap.mmap(f.fileno(), 0)
                        print(m[:6])
                        m.close()
                    a = mmap.mmap(-1, 8192)
                    a.write(b"x" * 10)
                    a.close()
                    """,
            "signals.py", """
                    import os, signal
                    got = []
                    signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
                    os.kill(os.getpid(), signal.SIGUSR1)
                    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
                    signal.signal(signal.SIGALRM, signal.SIG_IGN)
                    print(got)
                    """);
}
