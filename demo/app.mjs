// A deliberately vulnerable example shop, like the training apps security
// people use. DO NOT copy these handlers into real code: each one has the bug
// arenaguard exists to stop. The demo server binds to 127.0.0.1 only.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import initSqlJs from 'sql.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FILES_DIR = join(here, 'files');
/** Downloads may wander with ../ but never leave the repository. */
const REPO_ROOT = resolve(here, '..');

async function openDatabase() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`
    CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL);
    CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, password TEXT);
    INSERT INTO products (name, price) VALUES ('garden hose', 19.9), ('rake', 12.5), ('watering can', 8.75), ('garden gloves', 6.0), ('seed tray', 3.2);
    INSERT INTO users (username, password) VALUES ('admin', 'correct-horse-battery-staple'), ('alice', 'hunter2');
  `);
  return db;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The vulnerable routes as an Express router, mounted under /app by the server.
 * `comments` is kept in memory and reflected as raw HTML on purpose.
 */
export async function createVulnerableApp() {
  const db = await openDatabase();
  const comments = [{ author: 'alice', html: 'The <b>rake</b> is great!' }];
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(express.text({ limit: '1mb' }));

  // SQL injection: the query string is concatenated into the SQL.
  router.get('/search', (req, res) => {
    const q = String(req.query.q ?? '');
    const sql = `SELECT id, name, price FROM products WHERE name LIKE '%${q}%'`;
    try {
      const [result] = db.exec(sql);
      const rows = result ? result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]]))) : [];
      res.json({ sql, rows });
    } catch (error) {
      res.status(500).json({ sql, error: String(error.message ?? error) });
    }
  });

  // Stored XSS: comments are stored as given and reflected as HTML.
  router.post('/comments', (req, res) => {
    const body = typeof req.body === 'object' && req.body ? req.body : {};
    comments.push({ author: String(body.author ?? 'anonymous'), html: String(body.text ?? '') });
    if (comments.length > 50) comments.shift();
    res.status(201).json({ ok: true, count: comments.length });
  });
  router.get('/comments', (_req, res) => {
    const items = comments.map((c) => `<li><b>${escapeHtml(c.author)}</b>: ${c.html}</li>`).join('\n');
    res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Comments</title><h1>Comments</h1><ul>\n${items}\n</ul>`);
  });

  // Path traversal: the name is joined without checks (confined to the repository, so the demo cannot read /etc).
  router.get('/download', async (req, res) => {
    const file = String(req.query.file ?? 'readme.txt');
    const target = resolve(join(FILES_DIR, file));
    if (target !== REPO_ROOT && !target.startsWith(REPO_ROOT + sep)) {
      res.status(400).json({ error: 'the demo only serves files inside its repository' });
      return;
    }
    try {
      res.type('text/plain').send(await readFile(target));
    } catch {
      res.status(404).json({ error: `no such file: ${file}` });
    }
  });

  // A slow upload handler: the guard keeps the body's slots until this response is sent,
  // which is what the dashboard's pool-occupancy chart shows during a burst.
  router.post('/upload', (req, res) => {
    const size = typeof req.body === 'string' ? req.body.length : JSON.stringify(req.body ?? '').length;
    setTimeout(() => res.json({ received: size }), 1500);
  });

  return router;
}
