/* The C declarations jstrace binds, as jextract would read them. */
#include <sys/ptrace.h>
#include <linux/ptrace.h>   /* struct ptrace_syscall_info */
#include <sys/wait.h>
#include <sys/uio.h>        /* struct iovec, process_vm_readv */
#include <signal.h>         /* siginfo_t, kill, tgkill */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <fcntl.h>
