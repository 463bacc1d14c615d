import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { python } from './sqlite-python.js';

/**
 * SQLite databases a hostile repository can commit, crafted for work the reader repeats: the
 * start of each made by real SQLite (python3's sqlite3), the pages then rewritten by hand.
 */

function varint(value: number): number[] {
  const out = [value & 0x7f];
  for (let rest = value >>> 7; rest > 0; rest >>>= 7) out.unshift((rest & 0x7f) | 0x80);
  return out;
}

/** A real SQLite database of 64 KiB pages whose page 1 (`sqlite_schema`'s leaf) is `cells` pointers at one record of `nulls` NULLs. */
export function overlappingCells(path: string, cells: number, nulls: number): void {
  mkdirSync(dirname(path), { recursive: true });
  python(`
conn = sqlite3.connect(sys.argv[1]); conn.execute('pragma page_size=65536')
conn.execute('create table messages (id text primary key, role text)'); conn.commit(); conn.close()`, [path]);
  const file = readFileSync(path);
  const header = varint(nulls);
  const record = [...header, ...new Array<number>(nulls - header.length).fill(0)];
  const cell = Buffer.from([...varint(record.length), 1, ...record]);
  const at = 65536 - cell.length;
  if (at < 108 + 2 * cells) throw new Error('the record leaves no room for the pointers');
  const page = Buffer.alloc(65536);
  file.copy(page, 0, 0, 100);
  page[100] = 0x0d;
  page.writeUInt16BE(cells, 103);
  page.writeUInt16BE(at, 105);
  for (let index = 0; index < cells; index++) page.writeUInt16BE(at, 108 + 2 * index);
  cell.copy(page, at);
  page.copy(file, 0);
  writeFileSync(path, file);
}

/** A real SQLite database whose `messages` table's SQL (rewritten with `writable_schema`) ends in `spaces` spaces and an `x`. */
export function spacedSchema(path: string, spaces: number): void {
  mkdirSync(dirname(path), { recursive: true });
  python(`
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('create table messages (id text primary key, role text)')
conn.execute('pragma writable_schema=1')
conn.execute("update sqlite_schema set sql = ? where name = 'messages'", ('CREATE TABLE messages (id TEXT PRIMARY KEY, role TEXT) WITHOUT ROWID' + ' ' * int(sys.argv[2]) + 'x',))
conn.close()`, [path, String(spaces)]);
}

/** 80 leaf pages of 64 KiB under an interior page 1, 7 cells each of a ~1 MB text, every cell's overflow chain the same 15 pages (Python writes the bytes). */
export function sharedChains(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  python(`
import struct
path = sys.argv[1]; LEAVES = int(sys.argv[2]); PER = 7; CHAIN = 15
if os.path.exists(path): os.remove(path)
conn = sqlite3.connect(path); conn.execute('pragma page_size=65536'); conn.execute('create table messages (id text primary key, role text)'); conn.commit(); conn.close()
head = open(path,'rb').read()[:100]
P = 65536
def varint(v):
    out=[v & 0x7f]; v >>= 7
    while v: out.append((v & 0x7f) | 0x80); v >>= 7
    return bytes(reversed(out))
npages = 1 + LEAVES + CHAIN
first_over = 2 + LEAVES
pages = [bytearray(P) for _ in range(npages)]
# header: page count, change counter match
h = bytearray(head); struct.pack_into('>I', h, 28, npages); struct.pack_into('>I', h, 92, struct.unpack_from('>I', h, 24)[0])
p1 = pages[0]; p1[:100] = h
# interior page 1: children 2..LEAVES+1; cells for first LEAVES-1, right = last
n = LEAVES - 1
p1[100] = 0x05; struct.pack_into('>HHHBI', p1, 101, 0, n, 0, 0, LEAVES + 1)
at = P
for i in range(n):
    cell = struct.pack('>I', 2 + i) + varint((i + 1) * PER)
    at -= len(cell); p1[at:at+len(cell)] = cell
    struct.pack_into('>H', p1, 112 + 2*i, at)
struct.pack_into('>H', p1, 105, at)
S = 8199 + CHAIN * (P - 4)
text_len = S - 4  # header: hs varint(1 byte?) + type varint
t = 13 + 2 * text_len
tv = varint(t); hs = 1 + len(tv); text_len = S - hs; tv = varint(13 + 2*text_len); assert 1 + len(tv) == hs
record_local = bytes([hs]) + tv + b'a' * (8199 - hs)
for L in range(LEAVES):
    pg = pages[1 + L]; pg[0] = 0x0d
    at = P
    for c in range(PER):
        cell = varint(S) + varint(L * PER + c + 1) + record_local + struct.pack('>I', first_over)
        at -= len(cell); pg[at:at+len(cell)] = cell
        struct.pack_into('>H', pg, 8 + 2*c, at)
    struct.pack_into('>HHHB', pg, 1, 0, PER, at, 0)
for k in range(CHAIN):
    pg = pages[first_over - 1 + k]
    struct.pack_into('>I', pg, 0, first_over + k + 1 if k < CHAIN - 1 else 0)
    pg[4:] = b'a' * (P - 4)
open(path, 'wb').write(b''.join(pages))
`, [path, '80']);
}

