"""Drop the native libraries a wheel carries for other platforms, so that the wheel fits one device call's carry with
the rest (the lent GPU machines run CUDA 13.0; bitsandbytes' wheel carries 16 libraries, 43 MB).

  python tools/slim_wheel.py WHEEL KEEP_REGEX    e.g. python tools/slim_wheel.py .whl_bnb/bitsandbytes-*.whl 'cpu|cuda13'

Libraries (`*.so`) whose name does not match KEEP_REGEX are removed, with their lines of the wheel's RECORD; the wheel
is rewritten in place. pip installs the result as it would the full wheel (RECORD still hashes every file kept)."""
import re, sys, zipfile, os

def slim(path:str, keep:str)->tuple:
    "Rewrite wheel `path` without the `.so` files whose name does not match `keep`; (bytes before, bytes after)"
    before, tmp = os.path.getsize(path), path + '.tmp'
    drop = lambda n: n.endswith('.so') and not re.search(keep, os.path.basename(n))
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if drop(info.filename): continue
            data = src.read(info)
            if info.filename.endswith('.dist-info/RECORD'):
                data = '\n'.join(l for l in data.decode().splitlines() if not drop(l.split(',')[0])).encode() + b'\n'
            dst.writestr(info, data)
    os.replace(tmp, path)
    return before, os.path.getsize(path)

if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    b, a = slim(sys.argv[1], sys.argv[2])
    print(f'{os.path.basename(sys.argv[1])}: {b/2**20:.1f} MiB -> {a/2**20:.1f} MiB')
