"""A loopback HTTP server answering JSON: the base of the partner stand-ins (DHIS2, RapidPro).

A stand-in subclasses it and writes `answer(method, path, headers, body)`, which returns the
status, the JSON answer and any extra headers; this class runs the server on a free port.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JsonStandIn:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def answer(self, method: str, path: str, headers, body: bytes) -> tuple[int, dict, dict]:
        raise NotImplementedError

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, method: str):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, answer, headers = standin.answer(method, self.path, self.headers, body)
                raw = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(raw)

            def do_POST(self):
                self._answer("POST")

            def do_GET(self):
                self._answer("GET")

        return Handler
