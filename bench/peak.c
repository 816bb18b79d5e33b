/* Runs a command, writes its peak resident memory (KiB, ru_maxrss from wait4) to
 * RESULT_FILE and exits as the command did. bench.py starts every timed tool through it: the
 * kernel carries a process's largest resident set across exec, so a tool forked straight
 * from Python would report at least Python's own memory; forked from this small program,
 * the figure is the tool's.
 *   peak RESULT_FILE COMMAND [ARG...]
 */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: peak RESULT_FILE COMMAND [ARG...]\n", stderr);
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("peak: wait4");
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (out == NULL || fprintf(out, "%ld\n", usage.ru_maxrss) < 0 || fclose(out) != 0) {
        perror(argv[1]);
        return 2;
    }
    if (WIFSIGNALED(status)) { /* die the same way, so the caller sees the signal */
        signal(WTERMSIG(status), SIG_DFL);
        raise(WTERMSIG(status));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
