// The page at `/` when no built web UI is given: the server's CA (`info`) and a certinfo form.

/** index.html of the built-in page; its script only calls this server's API. */
export const BUILTIN_PAGE = `<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>CFSSL</title>
    <style>
      body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }
      textarea, pre { width: 100%; font-family: monospace; font-size: 0.85em; }
      pre { background: #f4f4f4; padding: 0.5em; overflow: auto; white-space: pre-wrap; }
    </style>
  </head>
  <body>
    <h1>cfssl-ts serve</h1>
    <h2>This server's CA</h2>
    <pre id="ca">loading…</pre>
    <h2>Certificate information</h2>
    <p>Paste a PEM certificate:</p>
    <textarea id="pem" rows="12"></textarea>
    <p><button id="go">certinfo</button></p>
    <pre id="out"></pre>
    <script>
      const api = async (name, body) => {
        const r = await fetch('/api/v1/cfssl/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return r.json();
      };
      const show = (el, reply) => {
        el.textContent = reply.success ? (typeof reply.result === 'string' ? reply.result : JSON.stringify(reply.result, null, 2))
          : reply.errors.map((e) => e.code + ': ' + e.message).join('\\n');
      };
      api('info', {}).then((r) => show(document.getElementById('ca'), r), (e) => { document.getElementById('ca').textContent = String(e); });
      document.getElementById('go').onclick = () => {
        api('certinfo', { certificate: document.getElementById('pem').value }).then((r) => show(document.getElementById('out'), r));
      };
    </script>
  </body>
</html>
`;
