import http.server, json, sys, base64, os
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
n = [0]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get('Content-Length', 0))
        body = self.rfile.read(length)
        n[0] += 1
        os.makedirs(out, exist_ok=True)
        with open(f"{out}/request-{n[0]}.txt", "wb") as f:
            f.write(f"{self.command} {self.path}\n".encode())
            for k, v in self.headers.items():
                f.write(f"{k}: {v}\n".encode())
            f.write(b"\n")
            f.write(body)
        self.send_response(200); self.send_header('Content-Length','0'); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
