// The official Node GCS client against the local three-site deployment of scripts/serve-local
// (docs/SERVICE.md): create a bucket at site-a, upload there, read the object back at site-b.
//
//   bash scripts/serve-local &              # GCP :8080, site-a :8081, site-b :8082
//   npm ci --prefix tests/clients           # once (scripts/setup does it too)
//   node tests/clients/example.mjs
import { Storage } from '@google-cloud/storage';

const TOKEN = process.env.ESTATE_TOKEN || 'local-dev-token-change-me';

// A client of one site. With a custom endpoint the client sends no Authorization header of
// its own; the interceptor adds the bearer token to every request, resumable uploads included.
function site(port) {
  const storage = new Storage({ apiEndpoint: `http://127.0.0.1:${port}`, projectId: 'local' });
  storage.interceptors.push({
    request: (reqOpts) => ({ ...reqOpts, headers: { ...reqOpts.headers, Authorization: `Bearer ${TOKEN}` } }),
  });
  return storage;
}

const siteA = site(8081);
const siteB = site(8082);

const bucket = siteA.bucket('retail-lake'); // a bucket needs a mount (service/deploy/local)
const [exists] = await bucket.exists();
if (!exists) await siteA.createBucket('retail-lake');

const file = bucket.file('pos/till-1.log');
await file.save('sale 42 EUR 9.99\n', { contentType: 'text/plain' });
const [meta] = await file.getMetadata();
console.log(`site-a wrote gs://${meta.bucket}/${meta.name} generation ${meta.generation} crc32c ${meta.crc32c}`);

// retail-lake/pos/ is a sync-sites mount homed at site-a: acknowledged writes are already on
// both on-prem sites.
const [bytes] = await siteB.bucket('retail-lake').file('pos/till-1.log').download();
console.log(`site-b reads: ${bytes.toString().trim()}`);

const [files] = await siteB.bucket('retail-lake').getFiles({ prefix: 'pos/' });
console.log(`site-b lists: ${files.map((f) => f.name).join(', ')}`);
