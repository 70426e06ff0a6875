using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace Dso.Domain.Imports;

/// <summary>
/// Reads a workbook once, cheaply and in bounded memory, before the XLSX reader does: the zip's directory, every
/// XML part through a counting stream (decompressed bytes in all, compression ratio of each part, no run between
/// two tags over <see cref="XlsxLimits.MaxXmlTokenBytes"/>, no DTD), then each sheet's rows, cells per row and
/// cell lengths, and each shared string's length. A file past a bound is refused with the bound it broke.
/// </summary>
public static class XlsxBounds
{
    public static void Check(Stream file, XlsxLimits limits)
    {
        CheckDirectory(file);
        file.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }

        using (zip)
        {
            var budget = new DecompressedBudget(limits.MaxDecompressedBytes);
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxDecompressedBytes)
                {
                    throw Refused(1, $"Its part {entry.FullName} decompresses to more than {limits.MaxDecompressedBytes} bytes.");
                }

                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                try
                {
                    using var part = new BoundedPartStream(entry.Open(), entry.FullName, Math.Max(entry.CompressedLength, 1), limits.MaxCompressionRatio, budget);
                    using var xml = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
                    if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase))
                    {
                        CheckSheet(xml);
                    }
                    else if (entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
                    {
                        CheckSharedStrings(xml);
                    }
                    else
                    {
                        while (xml.Read())
                        {
                        }
                    }
                }
                catch (Exception e) when (e is XmlException or InvalidDataException)
                {
                    throw Unreadable();
                }
            }
        }

        file.Position = 0;
    }

    /// <summary>The end-of-directory record's entry count, before anything lists the entries.</summary>
    private static void CheckDirectory(Stream file)
    {
        const int recordBytes = 22;
        var tail = new byte[(int)Math.Min(file.Length, recordBytes + ushort.MaxValue)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        for (var at = tail.Length - recordBytes; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == 0x06054b50)
            {
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
                if (entries > XlsxLimits.MaxEntries)
                {
                    throw Refused(1, $"It holds more than {XlsxLimits.MaxEntries} files.");
                }

                return;
            }
        }

        throw Unreadable();
    }

    private static void CheckSheet(XmlReader xml)
    {
        var rows = 0;
        var cells = 0;
        string? cell = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "row":
                    if (++rows > XlsxLimits.MaxRows)
                    {
                        throw Refused(XlsxLimits.MaxRows + 1, $"The sheet has more than {XlsxLimits.MaxRows} rows (Excel's limit).");
                    }

                    cells = 0;
                    break;
                case "c":
                    cell = xml.GetAttribute("r");
                    if (++cells > XlsxLimits.MaxColumns)
                    {
                        throw Refused(rows, $"Row {rows} has more than {XlsxLimits.MaxColumns} cells (Excel's limit).");
                    }

                    break;
                case "v" or "t":
                    if (TextLength(xml) > XlsxLimits.MaxCellChars)
                    {
                        throw Refused(rows, $"Cell {cell ?? $"{cells} of row {rows}"} holds more than {XlsxLimits.MaxCellChars} characters (Excel's limit).");
                    }

                    break;
            }
        }
    }

    private static void CheckSharedStrings(XmlReader xml)
    {
        var index = -1;
        var length = 0L;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "si")
            {
                (index, length) = (index + 1, 0);
            }
            else if (xml.LocalName == "t" && (length += TextLength(xml)) > XlsxLimits.MaxCellChars)
            {
                throw Refused(1, $"Shared string {index} holds more than {XlsxLimits.MaxCellChars} characters (Excel's limit).");
            }
        }
    }

    /// <summary>The characters of the element's text, read in chunks (never materialised).</summary>
    private static long TextLength(XmlReader xml)
    {
        if (xml.IsEmptyElement || !xml.Read())
        {
            return 0;
        }

        long length = 0;
        var buffer = new char[4096];
        while (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
        {
            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                if ((length += read) > XlsxLimits.MaxCellChars)
                {
                    return length;
                }
            }

            if (!xml.Read())
            {
                break;
            }
        }

        return length;
    }

    private static UnreadableRowException Unreadable() => new(1, "The file is not a readable XLSX workbook.");

    private static UnreadableRowException Refused(int line, string why) => new(line, $"The workbook is refused: {why}");

    /// <summary>Decompressed bytes left for the whole workbook.</summary>
    private sealed class DecompressedBudget(long bytes)
    {
        public long Left { get; private set; } = bytes;

        public long Limit { get; } = bytes;

        public void Spend(int read)
        {
            if ((Left -= read) < 0)
            {
                throw Refused(1, $"It decompresses to more than {Limit} bytes.");
            }
        }
    }

    /// <summary>A part's decompressed bytes, counted against the budget and the ratio, and scanned for overlong runs between tags.</summary>
    private sealed class BoundedPartStream(Stream inner, string name, long compressed, int ratio, DecompressedBudget budget) : Stream
    {
        private long total;
        private long run;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            total += read;
            if (total > XlsxLimits.RatioFreeBytes && total / compressed > ratio)
            {
                throw Refused(1, $"Its part {name} expands more than {ratio} times (a compression bomb).");
            }

            var span = buffer[..read];
            while (span.IndexOfAny((byte)'<', (byte)'>') is var at and >= 0)
            {
                run += at;
                CheckRun();
                run = 0;
                span = span[(at + 1)..];
            }

            run += span.Length;
            CheckRun();
            return read;
        }

        private void CheckRun()
        {
            if (run > XlsxLimits.MaxXmlTokenBytes)
            {
                throw Refused(1, $"Its part {name} holds a value longer than {XlsxLimits.MaxXmlTokenBytes} bytes.");
            }
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => total; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
