"""Drive a real interactive shell through a pseudo-terminal, as a user
at a terminal does, for the completion tests (t_completion.sh).

A Shell starts bash, zsh or fish on a new pty with a fixed TERM and
size, its own rc file and a prompt that says READY.  type(keys) sends
what a user types (TAB is "\t"), then Ctrl-A, "args " and Enter: the
shell runs the line it has, prefixed by the rc file's `args` function,
which prints every argument between markers.  The result holds what the
screen showed after the keys were typed (the candidates a shell lists,
escape sequences stripped) and the arguments the shell would have
passed, that is, what completion inserted, quoting undone by the shell
itself.
"""

import os
import pty
import re
import select
import signal
import time

READY = "READY> "
# A hang guard, not a measure: a shell that prints nothing for this long
# is stuck, and the test says so instead of hanging CI.
STUCK = 60.0

ANSI = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78M]|.)")
ARG = re.compile(r"<<ARG>>(.*?)<<END>>", re.S)


def strip(text):
    """The text without escape sequences, carriage returns and bells."""
    return ANSI.sub("", text).replace("\r", "").replace("\x07", "")


class Result:
    def __init__(self, shown, args):
        self.shown = shown
        self.args = args

    def __repr__(self):
        return "shown=%r args=%r" % (self.shown[-600:], self.args)


class Shell:
    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        import fcntl, struct, termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ,
                    struct.pack("HHHH", 50, 200, 0, 0))
        self.out = ""
        self.wait_for(READY)

    def read_some(self):
        ready, _, _ = select.select([self.fd], [], [], STUCK)
        if not ready:
            raise AssertionError("the shell is stuck; it showed: %r"
                                 % strip(self.out)[-800:])
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise AssertionError("the shell ended; it showed: %r"
                                 % strip(self.out)[-800:])
        self.out += data.decode("utf-8", "replace")

    def wait_for(self, marker, start=0):
        while marker not in strip(self.out[start:]):
            self.read_some()

    def type(self, keys, prefix="\x01args "):
        """Type keys, then run the line as args ARGS...; a Result."""
        start = len(self.out)
        os.write(self.fd, keys.encode())
        # Each key is read in turn: what completion does is done and
        # shown before the keys below are read.
        os.write(self.fd, (prefix + "\r").encode())
        self.wait_for("<<DONE>>", start)
        self.wait_for(READY, start + strip(self.out[start:]).find("<<DONE>>"))
        text = strip(self.out[start:])
        shown, _, rest = text.partition("<<BEGIN>>")
        return Result(shown, ARG.findall(rest.split("<<DONE>>")[0]))

    def run(self, keys):
        """Type keys and Enter: the command's own output, as shown."""
        start = len(self.out)
        os.write(self.fd, (keys + "\r").encode())
        # The line ran when the shell reads the next one.
        os.write(self.fd, b"args\r")
        self.wait_for("<<DONE>>", start)
        return strip(self.out[start:]).partition("<<BEGIN>>")[0]

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def start(kind, tmp, path_dir, data_dir, env_extra=None, setup=None):
    """A Shell of kind (bash, zsh, fish) whose completion is found where
    the shell looks: data_dir is a share/ directory made by make install.
    For bash, setup replaces the rc file's loading of bash-completion."""
    env = {
        "HOME": tmp, "TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "PATH": path_dir + ":/usr/local/bin:/usr/bin:/bin",
        "XDG_DATA_DIRS": data_dir + ":/usr/local/share:/usr/share",
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
    }
    env.update(env_extra or {})
    args_bash = ("args() { printf '<<BEGIN>>'; printf '<<ARG>>%s<<END>>' "
                 "\"$@\"; printf '<<DONE>>\\n'; }\n")
    if kind == "bash":
        rc = os.path.join(tmp, "bashrc")
        inputrc = os.path.join(tmp, "inputrc")
        with open(inputrc, "w") as f:
            # Lists are printed whole, never paged or asked about.
            f.write("set page-completions off\n"
                    "set completion-query-items 10000\n"
                    "set bell-style none\n")
        with open(rc, "w") as f:
            f.write(setup if setup is not None else
                    ". /usr/share/bash-completion/bash_completion\n")
            f.write("PS1='READY> '\nPROMPT_COMMAND=\n" + args_bash)
        env["INPUTRC"] = inputrc
        argv = ["bash", "--noprofile", "--rcfile", rc, "-i"]
    elif kind == "zsh":
        zdot = os.path.join(tmp, "zdot")
        os.makedirs(zdot, exist_ok=True)
        with open(os.path.join(zdot, ".zshrc"), "w") as f:
            f.write("fpath=(%s/zsh/vendor-completions $fpath)\n" % data_dir)
            f.write("autoload -Uz compinit && compinit -u -D\n"
                    "bindkey -e\nPROMPT='READY> '\nRPROMPT=\n"
                    "unsetopt beep\n" + args_bash)
        env["ZDOTDIR"] = zdot
        argv = ["zsh", "-i"]
    else:
        conf = os.path.join(tmp, "config", "fish")
        os.makedirs(conf, exist_ok=True)
        with open(os.path.join(conf, "config.fish"), "w") as f:
            f.write("set -g fish_greeting ''\n"
                    "function fish_prompt; printf 'READY> '; end\n"
                    "function fish_right_prompt; end\n"
                    "function args; printf '<<BEGIN>>'; "
                    "for a in $argv; printf '<<ARG>>%s<<END>>' $a; end; "
                    "printf '<<DONE>>\\n'; end\n")
        argv = ["fish", "-i"]
    return Shell(argv, env)
