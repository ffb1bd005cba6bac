// The official Node GCS client (@google-cloud/storage), unmodified, against a three-site
// `estate serve` deployment on loopback (tests/clients/deployment.mjs). Each test drives the
// client as an application would and checks what comes back against values computed here:
// sizes, CRC32C and MD5 of the bytes sent, names expected from a listing, HTTP error codes.
//
//   ESTATE_CLI=build/default/cli/estate node tests/clients/gcs_client.test.mjs
//   ctest --preset default -R gcs_node_client
//
// Without tests/clients/node_modules (npm ci there) the suite exits 77, which ctest reports as
// skipped, unless ESTATE_REQUIRE_CLIENTS is set (CI sets it): then that is a failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { Deployment, TOKEN, SITES, eventually, httpGet } from './deployment.mjs';
import { crc32c, crc32cBase64, md5Base64, patternBytes } from './hashes.mjs';

let Storage;
let OAuth2Client;
try {
  ({ Storage } = await import('@google-cloud/storage'));
  ({ OAuth2Client } = await import('google-auth-library'));
} catch (e) {
  const why = `the Node GCS client is not installed (run: npm ci --prefix tests/clients): ${e.message}`;
  if (process.env.ESTATE_REQUIRE_CLIENTS) {
    console.error(`FAIL: ${why}`);
    process.exit(1);
  }
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

const KIB = 1024;
const MIB = 1024 * KIB;

// Eventual mounts: a write acknowledged at one site reaches the others asynchronously.
const MOUNTS = [
  { path: 'clients/', home: 'gcp', replicas: ['site-a', 'site-b'], consistency: 'eventual' },
  { path: 'clients-copies/', home: 'gcp', replicas: ['site-a', 'site-b'], consistency: 'eventual' },
  { path: 'clients-empty/', home: 'gcp', replicas: ['site-a', 'site-b'], consistency: 'eventual' },
];

// Retries stay on (the client's default for idempotent calls), but bounded so that a
// service that keeps answering 503 fails the test quickly instead of after ten minutes.
const RETRY = { maxRetries: 3, totalTimeout: 20, maxRetryDelay: 1, retryDelayMultiplier: 2 };

// A client of one site that sends the bearer token. A request interceptor adds the header to
// every request, resumable upload requests included. (useAuthWithCustomEndpoint with a static
// token auth client covers the JSON calls only: in 7.x, File#createWriteStream does not pass
// the flag on to its resumable upload, which then goes without the header and gets 401.)
function clientWithToken(endpoint) {
  const storage = new Storage({ apiEndpoint: endpoint, projectId: 'estate-client-tests', retryOptions: RETRY });
  storage.interceptors.push({
    request: (reqOpts) => ({ ...reqOpts, headers: { ...reqOpts.headers, Authorization: `Bearer ${TOKEN}` } }),
  });
  return storage;
}

// The emulator form: with STORAGE_EMULATOR_HOST the JSON calls drop the /storage/v1 prefix.
function emulatorClient(endpoint) {
  const saved = process.env.STORAGE_EMULATOR_HOST;
  process.env.STORAGE_EMULATOR_HOST = endpoint;
  try {
    return clientWithToken(endpoint);
  } finally {
    if (saved === undefined) delete process.env.STORAGE_EMULATOR_HOST;
    else process.env.STORAGE_EMULATOR_HOST = saved;
  }
}

// The value of one Prometheus counter sample on a site's /metrics, 0 when absent.
async function counter(endpoint, name, labels) {
  const text = (await httpGet(`${endpoint}/metrics`)).body;
  const want = `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}} `;
  const line = text.split('\n').find((l) => l.startsWith(want));
  return line ? Number(line.slice(want.length)) : 0;
}

async function rejectsWithCode(promise, code) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.code, code, `expected HTTP ${code}, got ${e.code}: ${e.message}`);
    return true;
  });
}

function checkObject(meta, { bucket, name, bytes, contentType }) {
  assert.equal(meta.bucket, bucket);
  assert.equal(meta.name, name);
  assert.equal(meta.size, String(bytes.length));
  assert.equal(meta.crc32c, crc32cBase64(bytes));
  assert.equal(meta.md5Hash, md5Base64(bytes));
  assert.match(meta.generation, /^[1-9][0-9]*$/);
  if (contentType) assert.equal(meta.contentType, contentType);
}

describe('@google-cloud/storage against three estate serve sites', { timeout: 120000 }, () => {
  const deployment = new Deployment(MOUNTS);
  const client = {};
  let bucket; // clients/, reached through site-a
  let createdMeta;

  before(async () => {
    await deployment.start();
    await deployment.waitForLeader();
    client.a = clientWithToken(deployment.endpoint('site-a'));
    client.b = clientWithToken(deployment.endpoint('site-b'));
    client.gcp = emulatorClient(deployment.endpoint('gcp'));
    // Bucket creation goes through the replicated log; a follower that has not heard from
    // the new leader yet answers 503, which the client retries.
    [bucket, createdMeta] = await client.a.createBucket('clients');
    await client.gcp.createBucket('clients-copies');
    await client.b.createBucket('clients-empty');
    // A bucket reaches the other sites a heartbeat after it is created (docs/SERVICE.md,
    // known limits); wait until every site has every bucket before writing objects.
    for (const site of ['a', 'b', 'gcp']) {
      for (const name of ['clients', 'clients-copies', 'clients-empty']) {
        await eventually(async () => (await client[site].bucket(name).exists())[0]);
      }
    }
  });

  after(async () => {
    await deployment.stop();
  });

  test('the CRC32C computed here is the Castagnoli one', () => {
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  });

  test('buckets: create, get at every site, list, a second create is 409', async () => {
    assert.equal(createdMeta.name, 'clients');
    for (const site of ['a', 'b', 'gcp']) {
      const [meta] = await client[site].bucket('clients').getMetadata();
      assert.equal(meta.name, 'clients');
      assert.equal(meta.kind, 'storage#bucket');
    }
    const [buckets] = await client.b.getBuckets();
    assert.deepEqual(
      buckets.map((b) => b.name),
      ['clients', 'clients-copies', 'clients-empty'],
    );
    await rejectsWithCode(client.b.createBucket('clients'), 409);
    // Only mounted names can be buckets.
    await assert.rejects(client.a.createBucket('no-mount-names-this'), (e) => e.code >= 400 && e.code < 500);
  });

  test('a request without the bearer token is refused with 401', async () => {
    const anonymous = new Storage({ apiEndpoint: deployment.endpoint('site-a'), projectId: 'p', retryOptions: RETRY });
    await rejectsWithCode(anonymous.bucket('clients').getMetadata(), 401);
  });

  test('useAuthWithCustomEndpoint with a static token auth client: JSON calls carry the token', async () => {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 24 * 3600 * 1000 });
    const storage = new Storage({
      apiEndpoint: deployment.endpoint('site-a'),
      projectId: 'estate-client-tests',
      useAuthWithCustomEndpoint: true,
      authClient,
      retryOptions: RETRY,
    });
    const file = storage.bucket('clients').file('auth/static-token.txt');
    await file.save('via the auth client', { resumable: false });
    const [meta] = await file.getMetadata();
    assert.equal(meta.size, '19');
  });

  test('small uploads: multipart (resumable: false) and resumable', async () => {
    const text = Buffer.from('hello from site-a\n');
    const multipart = bucket.file('small/multipart.txt');
    await multipart.save(text, {
      resumable: false,
      contentType: 'text/plain',
      metadata: { metadata: { origin: 'site-a' } },
    });
    const [meta] = await multipart.getMetadata();
    checkObject(meta, { bucket: 'clients', name: 'small/multipart.txt', bytes: text, contentType: 'text/plain' });
    assert.deepEqual(meta.metadata, { origin: 'site-a' });
    assert.equal(meta.metageneration, '1');

    const bytes = patternBytes(4 * KIB + 3, 7);
    const resumable = bucket.file('small/resumable.bin');
    await resumable.save(bytes); // save() is resumable by default
    const [rmeta] = await resumable.getMetadata();
    checkObject(rmeta, { bucket: 'clients', name: 'small/resumable.bin', bytes });
    const [back] = await resumable.download();
    assert.ok(back.equals(bytes));
  });

  test('large resumable upload with chunkSize: one PUT per 256 KiB chunk', async () => {
    const endpoint = deployment.endpoint('site-a');
    const labels = { operation: 'objects.insert.resumable', code: '308' };
    const before308 = await counter(endpoint, 'estate_http_requests_total', labels);
    const before200 = await counter(endpoint, 'estate_http_requests_total', { ...labels, code: '200' });
    // Five full chunks and a short last one: 5 answers 308 (resume incomplete), then 200.
    const bytes = patternBytes(5 * 256 * KIB + 1000, 11);
    const file = bucket.file('large/chunked.bin');
    await file.save(bytes, { chunkSize: 256 * KIB, contentType: 'application/x-test' });
    assert.equal((await counter(endpoint, 'estate_http_requests_total', labels)) - before308, 5);
    assert.equal(
      (await counter(endpoint, 'estate_http_requests_total', { ...labels, code: '200' })) - before200,
      1,
    );
    const [meta] = await file.getMetadata();
    checkObject(meta, { bucket: 'clients', name: 'large/chunked.bin', bytes, contentType: 'application/x-test' });
    const [back] = await file.download();
    assert.ok(back.equals(bytes));
  });

  test('large resumable upload without chunkSize: one streaming PUT of 3 MiB', async () => {
    const bytes = patternBytes(3 * MIB + 17, 13);
    const file = bucket.file('large/streamed.bin');
    await file.save(bytes);
    const [meta] = await file.getMetadata();
    checkObject(meta, { bucket: 'clients', name: 'large/streamed.bin', bytes });
    const [back] = await file.download();
    assert.ok(back.equals(bytes));
  });

  test('downloads: whole, ranged, open-ended and past the end', async () => {
    const bytes = patternBytes(300 * KIB, 17);
    const file = bucket.file('ranges/object.bin');
    await file.save(bytes, { resumable: false });
    const [whole] = await file.download();
    assert.ok(whole.equals(bytes));
    const [middle] = await file.download({ start: 1000, end: 262143 + 10 });
    assert.ok(middle.equals(bytes.subarray(1000, 262154)));
    const [first] = await file.download({ start: 0, end: 0 });
    assert.ok(first.equals(bytes.subarray(0, 1)));
    const [tail] = await file.download({ start: bytes.length - 10 });
    assert.ok(tail.equals(bytes.subarray(bytes.length - 10)));
    await rejectsWithCode(file.download({ start: bytes.length + 5 }), 416);
    // Through the emulator URL form (no /storage/v1 prefix) at another site.
    const [viaGcp] = await eventually(async () => client.gcp.bucket('clients').file('ranges/object.bin').download({ start: 5, end: 9 }));
    assert.ok(viaGcp.equals(bytes.subarray(5, 10)));
  });

  test('list: prefix and delimiter, then pages of maxResults with pageToken', async () => {
    const names = ['list/a.txt', 'list/b.txt', 'list/dir1/x', 'list/dir1/y', 'list/dir2/z', 'listing-not/q'];
    await Promise.all(names.map((n) => bucket.file(n).save(Buffer.from(n), { resumable: false })));

    const [files, nextQuery, response] = await bucket.getFiles({ prefix: 'list/', delimiter: '/', autoPaginate: false });
    assert.deepEqual(
      files.map((f) => f.name),
      ['list/a.txt', 'list/b.txt'],
    );
    assert.deepEqual(response.prefixes, ['list/dir1/', 'list/dir2/']);
    assert.equal(nextQuery, null);

    const pages = [];
    let query = { prefix: 'list/', maxResults: 2, autoPaginate: false };
    while (query) {
      const [page, next] = await bucket.getFiles(query);
      pages.push(page.map((f) => f.name));
      query = next;
    }
    assert.deepEqual(pages, [['list/a.txt', 'list/b.txt'], ['list/dir1/x', 'list/dir1/y'], ['list/dir2/z']]);

    const [all] = await bucket.getFiles({ prefix: 'list' }); // autoPaginate: every page
    assert.deepEqual(
      all.map((f) => f.name),
      [...names].sort(),
    );
  });

  test('metadata patch: content type and custom keys, metageneration 2', async () => {
    const file = bucket.file('patch/doc.json');
    await file.save('{"v":1}', { resumable: false, contentType: 'text/plain', metadata: { metadata: { a: '1', b: '2' } } });
    const [patched] = await file.setMetadata({ contentType: 'application/json', metadata: { b: null, c: '3' } });
    assert.equal(patched.contentType, 'application/json');
    assert.deepEqual(patched.metadata, { a: '1', c: '3' });
    assert.equal(patched.metageneration, '2');
    const [read] = await file.getMetadata();
    assert.equal(read.contentType, 'application/json');
    assert.deepEqual(read.metadata, { a: '1', c: '3' });
    assert.equal(read.generation, patched.generation);
    assert.equal(read.metageneration, '2');
  });

  test('preconditions: satisfied ones succeed, violated ones are 412', async () => {
    const file = bucket.file('pre/object.txt');
    await file.save('first', { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } });
    const [first] = await file.getMetadata();
    // Create-only (ifGenerationMatch=0) on an object that exists: refused, both upload kinds.
    await rejectsWithCode(file.save('again', { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } }), 412);
    await rejectsWithCode(file.save('again', { resumable: true, preconditionOpts: { ifGenerationMatch: 0 } }), 412);
    // Overwrite only the generation we read.
    await file.save('second', { resumable: false, preconditionOpts: { ifGenerationMatch: first.generation } });
    const [second] = await file.getMetadata();
    assert.ok(BigInt(second.generation) > BigInt(first.generation));
    await rejectsWithCode(
      file.save('third', { resumable: false, preconditionOpts: { ifGenerationMatch: first.generation } }),
      412,
    );
    // Metadata and delete preconditions.
    await rejectsWithCode(file.setMetadata({ metadata: { k: 'v' } }, { ifMetagenerationMatch: 7 }), 412);
    const [patched] = await file.setMetadata({ metadata: { k: 'v' } }, { ifMetagenerationMatch: 1 });
    assert.equal(patched.metageneration, '2');
    await rejectsWithCode(file.getMetadata({ ifGenerationMatch: first.generation }), 412);
    await rejectsWithCode(file.delete({ ifGenerationMatch: first.generation }), 412);
    const [content] = await file.download();
    assert.equal(content.toString(), 'second');
    await file.delete({ ifGenerationMatch: second.generation });
    assert.deepEqual(await file.exists(), [false]);
  });

  test('compose: three sources into one, with the CRC32C of the concatenation', async () => {
    const parts = [patternBytes(100 * KIB, 21), Buffer.from('-middle-'), patternBytes(3, 22)];
    const names = parts.map((_, i) => `compose/part-${i}`);
    await Promise.all(names.map((n, i) => bucket.file(n).save(parts[i], { resumable: false })));
    // By name: File objects without metadata, so the request names no source generation.
    const [composed] = await bucket.combine(names, 'compose/all.bin');
    const whole = Buffer.concat(parts);
    const [meta] = await composed.getMetadata();
    assert.equal(meta.size, String(whole.length));
    assert.equal(meta.crc32c, crc32cBase64(whole));
    const [back] = await composed.download();
    assert.ok(back.equals(whole));
    // A missing source: 404.
    await rejectsWithCode(bucket.combine([names[0], 'compose/missing'], 'compose/bad'), 404);
  });

  // The client turns generations into JavaScript numbers: combine() sends parseInt of each
  // source's generation, and File's generation option goes through Number(). The engine's
  // generations survive that, as GCS's do: they stay below 2^53 (docs/CONSISTENCY.md).
  test('generations as JavaScript numbers: compose of File objects with metadata, a File at a generation', async () => {
    const names = ['compose/gen-0', 'compose/gen-1'];
    await Promise.all(names.map((n) => bucket.file(n).save(n, { resumable: false })));
    const [files] = await bucket.getFiles({ prefix: 'compose/gen-' });
    assert.equal(files.length, 2);
    for (const f of files) {
      assert.ok(Number.isSafeInteger(Number(f.metadata.generation)), f.metadata.generation);
    }
    const [composed] = await bucket.combine(files, 'compose/gen-all');
    const [back] = await composed.download();
    assert.equal(back.toString(), names.join(''));
    const generation = Number(files[0].metadata.generation);
    const [meta] = await bucket.file(names[0], { generation }).getMetadata();
    assert.equal(meta.generation, files[0].metadata.generation);
    const [bytes] = await bucket.file(names[0], { generation }).download();
    assert.equal(bytes.toString(), names[0]);
  });

  test('copy: within the bucket and into another bucket', async () => {
    const bytes = patternBytes(64 * KIB, 31);
    const source = bucket.file('copy/source.bin');
    await source.save(bytes, { resumable: false, contentType: 'image/x-test', metadata: { metadata: { k: 'v' } } });
    const [sameBucket] = await source.copy('copy/duplicate.bin');
    const [dupMeta] = await sameBucket.getMetadata();
    checkObject(dupMeta, { bucket: 'clients', name: 'copy/duplicate.bin', bytes, contentType: 'image/x-test' });
    assert.deepEqual(dupMeta.metadata, { k: 'v' });

    const target = client.a.bucket('clients-copies').file('from-clients/source.bin');
    await source.copy(target);
    const [copied] = await target.download();
    assert.ok(copied.equals(bytes));
    const [targetMeta] = await target.getMetadata();
    checkObject(targetMeta, { bucket: 'clients-copies', name: 'from-clients/source.bin', bytes });
    await rejectsWithCode(bucket.file('copy/missing').copy('copy/nowhere'), 404);
  });

  test('delete: objects go, then 404; a bucket deletes only when empty', async () => {
    const file = bucket.file('delete/me.txt');
    await file.save('short-lived', { resumable: false });
    assert.deepEqual(await file.exists(), [true]);
    await file.delete();
    assert.deepEqual(await file.exists(), [false]);
    await rejectsWithCode(file.download(), 404);
    await rejectsWithCode(file.delete(), 404);

    await rejectsWithCode(client.a.bucket('clients-copies').delete(), 409); // holds an object
    await client.b.bucket('clients-empty').delete();
    assert.deepEqual(await client.b.bucket('clients-empty').exists(), [false]);
  });

  test('an object written at one site is read at the two others', async () => {
    const small = Buffer.from('written at site-b');
    const large = patternBytes(2 * MIB + 5, 41);
    await client.b.bucket('clients').file('cross/from-b.txt').save(small, { resumable: false });
    await client.b.bucket('clients').file('cross/from-b.bin').save(large, { chunkSize: MIB });
    for (const site of ['a', 'gcp']) {
      const remote = client[site].bucket('clients');
      const [text] = await eventually(() => remote.file('cross/from-b.txt').download());
      assert.ok(text.equals(small));
      const [bin] = await eventually(() => remote.file('cross/from-b.bin').download());
      assert.ok(bin.equals(large));
      const [meta] = await remote.file('cross/from-b.bin').getMetadata();
      checkObject(meta, { bucket: 'clients', name: 'cross/from-b.bin', bytes: large });
    }
    // And the other way round: what site-a wrote earlier is listed and read at site-b.
    const [listed] = await eventually(async () => {
      const got = await client.b.bucket('clients').getFiles({ prefix: 'small/' });
      return got[0].length === 2 ? got : null;
    });
    assert.deepEqual(
      listed.map((f) => f.name),
      ['small/multipart.txt', 'small/resumable.bin'],
    );
    const [hello] = await client.b.bucket('clients').file('small/multipart.txt').download();
    assert.equal(hello.toString(), 'hello from site-a\n');
  });

  test('every site is still running', () => {
    for (const site of SITES) {
      assert.equal(deployment.processes[site].exitCode, null, deployment.log(site));
    }
  });
});
