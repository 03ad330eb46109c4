// A fourth stand-in for the held-out set detection is graded on, written in session 23 by a helper that read neither the corpus,
// the tests, the rules nor the earlier stand-ins: seeded generators and hand lists rebuilt from each source's documented style
// what machine-learning datasets of web attacks hold (Kaggle's SQL injection and XSS datasets, fwaf's bad and good queries,
// ECML/PKDD 2007, CSIC 2010), exploit traffic from CVE proofs of concept and honeypot logs (Mirai-style router injections,
// Shellshock, Citrix/Fortinet/Grafana/Apache traversals, WordPress plugin LFI, PHP wrappers), browser research lists (html5sec,
// cure53 mXSS, polyglots, new event handlers, AngularJS sandbox escapes) and SQL from tools other than sqlmap (Havij, jSQL,
// WAF-evasion variants) — plus ordinary values: reviews and support messages in several languages, CMS rich-text HTML, static
// asset paths, a Spanish shop's form values, searches with SQL and shell words, file names, data fragments. Rows also in the
// corpus or an earlier probe set (URL-decoded, case and spacing folded) were dropped: 338 of 2,200. `source` names the style.
// Measured at paranoia 1 when written (query context, 51042c4): sqli 364/364, xss 346/346, cmdi 317/320, path 287/294, ordinary
// 4/538 (paranoia 2: 364, 346, 318, 287, 69/538). Left: remote-file URLs (https://host/x?), a Citrix /vpn/../vpns/ step to a
// script that is no secret, a Cisco lang=../ with no file, an absolute Windows path to a .properties file, -c id.
import { afterAll, beforeAll, describe } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { standinPins } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 23 held-out stand-in (ML datasets, exploit traffic, browser research)', () => {
  // (since written: cmdi 317 -> 318, Perl's readpipe( is an exec call; path 287 -> 288, ../configuration.php a secrets file;
  // ordinary 4 -> 3, a quote inside the other kind is a byte of the word: {"comment":"I'd say it's fine"} is no id)
  standinPins(() => d, 'session23-standin.jsonl', [['sqli', 364, 364], ['xss', 346, 346], ['cmdi', 320, 318], ['path', 294, 288]], [538, 3], 1862);
});
