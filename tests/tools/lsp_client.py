"""A small Language Server Protocol client over stdio, enough to drive a YAML language server
as an editor does: open a document, read the diagnostics it publishes, ask for completions
and hovers. Standard library only.
"""
import json
import os
import queue
import subprocess
import threading
import time


class ServerExited(RuntimeError):
    pass


class Client:
    def __init__(self, command, settings):
        self.settings = settings
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _answer(self, message):
        """Answers a request from the server: its settings when asked, nothing otherwise."""
        result = None
        if message["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section")) for item in message["params"]["items"]]
        self._send({"id": message["id"], "result": result})

    def wait(self, wanted, timeout):
        """Returns the next message for which wanted(message) holds, answering the server's
        requests meanwhile; raises queue.Empty after `timeout` seconds."""
        end = time.monotonic() + timeout
        while True:
            message = self.messages.get(timeout=max(0.01, end - time.monotonic()))
            if message is None:
                raise ServerExited("the language server exited")
            if "method" in message and "id" in message:
                self._answer(message)
            elif wanted(message):
                return message

    def request(self, method, params, timeout=30):
        number = self.next_id
        self.next_id += 1
        self._send({"id": number, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == number and "method" not in m, timeout)
        if "error" in reply:
            raise RuntimeError("{} failed: {}".format(method, reply["error"]))
        return reply.get("result")

    def notify(self, method, params):
        self._send({"method": method, "params": params})

    def start(self):
        self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": None,
            "capabilities": {
                "textDocument": {
                    "completion": {"completionItem": {
                        "snippetSupport": False,
                        "documentationFormat": ["plaintext", "markdown"]}},
                    "hover": {"contentFormat": ["plaintext", "markdown"]},
                    "publishDiagnostics": {}},
                "workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.configure()

    def configure(self):
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def open(self, uri, text, settle=1.0, timeout=30):
        """Opens a document and returns the diagnostics the server publishes for it: the last
        set, once none has followed for `settle` seconds."""
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})

        def published(m):
            return m.get("method") == "textDocument/publishDiagnostics" and \
                m["params"]["uri"] == uri

        diagnostics = self.wait(published, timeout)["params"]["diagnostics"]
        try:
            while True:
                diagnostics = self.wait(published, settle)["params"]["diagnostics"]
        except queue.Empty:
            pass
        return diagnostics

    def close(self, uri):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def stop(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
