"""Writes the add-in's ribbon and manifest icons (assets/icon-*.png): a gold
bar chart on slate, drawn pixel by pixel so no image tool is needed."""
import struct, zlib, pathlib

def png(size):
    slate, gold, light = (38, 50, 56), (212, 160, 23), (236, 239, 241)
    bars = [(0.18, 0.55), (0.42, 0.35), (0.66, 0.15)]  # (x start, top) as fractions
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            fx, fy = (x + 0.5) / size, (y + 0.5) / size
            color = slate
            for start, top in bars:
                if start <= fx < start + 0.18 and top <= fy < 0.85:
                    color = gold
            if 0.85 <= fy < 0.85 + max(1.5 / size, 0.04) and 0.12 <= fx < 0.88:
                color = light
            row += bytes(color)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

out = pathlib.Path(__file__).resolve().parent.parent / "assets"
out.mkdir(exist_ok=True)
for size in (16, 32, 64, 80, 128):
    (out / f"icon-{size}.png").write_bytes(png(size))
