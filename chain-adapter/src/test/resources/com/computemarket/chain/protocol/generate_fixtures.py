# Regenerates the CPython fixtures used by PythonFloatTest and CanonicalJsonTest:
#   python3 generate_fixtures.py   (any CPython >= 3.1: repr and json.dumps are unchanged since)
import json, random, struct

rng = random.Random(20240601)

def bits(d):
    return struct.unpack('>Q', struct.pack('>d', d))[0]

values = []
for _ in range(2000):  # random bit patterns: every exponent, subnormals included
    d = struct.unpack('>d', struct.pack('>Q', rng.getrandbits(64)))[0]
    if d == d and d not in (float('inf'), float('-inf')):
        values.append(d)
for e in range(-1074, 1024):  # powers of two: the asymmetric rounding interval
    values.append(2.0 ** e)
for _ in range(1000):  # short decimals, the common case in payloads
    values.append(float(f"{rng.randint(-10**6, 10**6)}e{rng.randint(-30, 30)}"))
for _ in range(500):
    values.append(rng.random() * 10 ** rng.randint(-8, 20))
values += [0.0, -0.0, 1.0, 100.0, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308,
           0.1, 0.2 + 0.1, 2.5e-300, 1.5e300, 12345678901234567.0, 9007199254740993.0, 2.0 ** 53, 2.0 ** 63]
with open('python-float-repr.txt', 'w') as f:
    f.write('# IEEE-754 bits (hex) <space> CPython repr\n')
    for d in values:
        f.write(f"{bits(d):016x} {d!r}\n")

ALPHABET = ['a', 'b', 'Z', 'z', '0', ' ', '"', '\\', '/', '\n', '\t', '\x00', '\x1f', '\x7f', '\x80', 'é', '\u2028',
            '\uff5a', '\ufffd', '\U0001f600', '\U0001f4a1', '\U00010000', '\ud800', '\udfff', '日', '<', '&']

def rand_str():
    return ''.join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))

def rand_value(depth):
    k = rng.randint(0, 9 if depth < 3 else 6)
    if k == 0: return None
    if k == 1: return rng.choice([True, False])
    if k == 2: return rng.randint(-10**30, 10**30) if rng.random() < 0.3 else rng.randint(-1000, 1000)
    if k == 3: return struct.unpack('>d', struct.pack('>Q', rng.getrandbits(64)))[0]
    if k == 4: return rng.choice([0.5, -0.0, 1e16, 1e-7, 100.0, float('inf'), float('-inf'), float('nan')])
    if k in (5, 6): return rand_str()
    if k == 7: return [rand_value(depth + 1) for _ in range(rng.randint(0, 4))]
    return {rand_str(): rand_value(depth + 1) for _ in range(rng.randint(0, 5))}

with open('canonical-json.txt', 'w', encoding='ascii') as f:
    f.write('# client JSON text (ASCII-escaped, one line) TAB json.dumps(sort_keys, compact, ensure_ascii)\n')
    for _ in range(400):
        v = {rand_str(): rand_value(0) for _ in range(rng.randint(0, 6))}
        client = json.dumps(v, ensure_ascii=True, separators=(', ', ': ') if rng.random() < 0.5 else (',', ':'))
        canonical = json.dumps(json.loads(client), sort_keys=True, separators=(',', ':'), ensure_ascii=True)
        f.write(client + '\t' + canonical + '\n')
