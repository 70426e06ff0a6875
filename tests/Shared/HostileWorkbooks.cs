using System.IO.Compression;
using System.Text;

namespace Dso.Tests;

/// <summary>
/// XLSX files built to hurt a reader: a valid workbook's parts with one part replaced by what a callback writes,
/// compressed as hard as zip allows (the 2 MB file whose one cell expands to 2 GiB is among them).
/// </summary>
public static class HostileWorkbooks
{
    private const string SheetStart = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    private const string SheetEnd = "</sheetData></worksheet>";
    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>Code client</t></is></c></row>""";

    /// <summary>Name, file and the words its refusal must contain.</summary>
    public static TheoryData<string, string> Names => new()
    {
        { "a 2 GiB inline cell", "decompresses to more than" },
        { "a 40 000 character cell", "32767 characters" },
        { "a 100 000 character shared string", "32767 characters" },
        { "20 000 cells in a row", "16384 cells" },
        { "1 048 577 rows", "1048576 rows" },
        { "30 MiB of blank space", "expands more than" },
        { "a 2 MiB attribute", "longer than 1048576 bytes" },
        { "an entity bomb", "not a readable XLSX" },
        { "20 000 parts", "more than 10000 files" },
        { "a truncated zip", "not a readable XLSX" },
    };

    public static byte[] Build(string name) => name switch
    {
        "a 2 GiB inline cell" => Sheet(w =>
        {
            w.Write(SheetStart + Header + """<row r="2"><c r="A2" t="inlineStr"><is><t>""");
            Repeat(w, 'A', 2L << 30);
            w.Write("</t></is></c></row>" + SheetEnd);
        }),
        "a 40 000 character cell" => Sheet(w =>
        {
            w.Write(SheetStart + Header + """<row r="2"><c r="A2" t="inlineStr"><is><t>""");
            Letters(w, 40_000);
            w.Write("</t></is></c></row>" + SheetEnd);
        }),
        "a 100 000 character shared string" => Workbook(("xl/sharedStrings.xml", w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>""");
            Letters(w, 100_000);
            w.Write("</t></si></sst>");
        })),
        "20 000 cells in a row" => Sheet(w =>
        {
            w.Write(SheetStart + Header + "<row r=\"2\">");
            for (var i = 0; i < 20_000; i++)
            {
                w.Write("<c><v>1</v></c>");
            }

            w.Write("</row>" + SheetEnd);
        }),
        "1 048 577 rows" => Sheet(w =>
        {
            w.Write(SheetStart);
            for (var i = 0; i < 1_048_577; i++)
            {
                w.Write($"<row r=\"{i + 1}\"/>");
            }

            w.Write(SheetEnd);
        }),
        "30 MiB of blank space" => Sheet(w =>
        {
            w.Write(SheetStart + Header + "<row r=\"2\">");
            for (var i = 0; i < 30 * 1024; i++)
            {
                Repeat(w, ' ', 1020);
                w.Write("<x/>");
            }

            w.Write("</row>" + SheetEnd);
        }),
        "a 2 MiB attribute" => Sheet(w =>
        {
            w.Write(SheetStart + Header + "<row r=\"2\"><c r=\"");
            Letters(w, 2 << 20);
            w.Write("\"><v>1</v></c></row>" + SheetEnd);
        }),
        "an entity bomb" => Sheet(w =>
        {
            w.Write("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">""");
            w.Write("""<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>""");
            w.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row>""" + SheetEnd);
        }),
        "20 000 parts" => Workbook([.. Enumerable.Range(0, 20_000).Select(i => ($"customXml/item{i}.bin", (Action<StreamWriter>)(w => w.Write('x'))))]),
        "a truncated zip" => Sheet(w => w.Write(SheetStart + Header + SheetEnd))[..300],
        _ => throw new ArgumentException($"No hostile workbook is called '{name}'.", nameof(name)),
    };

    private static byte[] Sheet(Action<StreamWriter> write) => Workbook(("xl/worksheets/sheet1.xml", write));

    /// <summary>A one-sheet workbook whose named parts are written by the callbacks (replacing the sheet or added).</summary>
    private static byte[] Workbook(params (string Name, Action<StreamWriter> Write)[] parts)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            if (!parts.Any(p => p.Name == "xl/worksheets/sheet1.xml"))
            {
                Part(zip, "xl/worksheets/sheet1.xml", SheetStart + Header + SheetEnd);
            }

            foreach (var (name, write) in parts)
            {
                // A buffer below the large-object heap's 85 KB: 20 000 parts would otherwise leave 2.6 GB of garbage there.
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 14);
                write(writer);
            }
        }

        return file.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>Letters that do not compress much, so that the bound under test trips before the ratio.</summary>
    private static void Letters(StreamWriter writer, int count)
    {
        var random = new Random(count);
        for (var i = 0; i < count; i++)
        {
            writer.Write((char)('a' + random.Next(26)));
        }
    }

    // One small chunk written again and again: a chunk made at each call was 4 GB of large-object garbage for the blank space.
    private static void Repeat(StreamWriter writer, char c, long count)
    {
        Span<char> chunk = stackalloc char[4096];
        chunk.Fill(c);
        for (; count > 0; count -= chunk.Length)
        {
            writer.Write(count >= chunk.Length ? chunk : chunk[..(int)count]);
        }
    }
}
