import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/csv/csv-cell";
import { UTF8_BOM, writeCsv, type CsvColumn } from "@/lib/csv/write-csv";

describe("csvCell", () => {
  it("leaves plain text alone", () => {
    expect(csvCell("Ana Łukasz")).toBe("Ana Łukasz");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("")).toBe("");
  });

  it("quotes fields with a comma, quote, CR or LF and doubles embedded quotes (RFC 4180)", () => {
    expect(csvCell("Smith, Jo")).toBe('"Smith, Jo"');
    expect(csvCell('the "local" measures')).toBe('"the ""local"" measures"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("prefixes a quote to strings that start like a formula (= + - @ tab CR)", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(csvCell("-0.25")).toBe("'-0.25");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe("\"'\rx\""); // prefixed, then quoted for the CR
    // prefix inside the quotes, quotes doubled
    expect(csvCell('=HYPERLINK("http://x.test","Click")')).toBe('"\'=HYPERLINK(""http://x.test"",""Click"")"');
  });

  it("writes numbers plainly, negative ones included", () => {
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(0.9)).toBe("0.9");
    expect(csvCell(1_320_000)).toBe("1320000");
    expect(csvCell(-0)).toBe("0");
    expect(csvCell(1e21)).toBe("1e+21");
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("writes booleans, dates (UTC ISO) and empty values", () => {
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date("2025-03-15T06:59:00Z"))).toBe("2025-03-15T06:59:00.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("writeCsv", () => {
  type Row = { name: string; score: number | null; late: boolean; due: Date };
  const columns: CsvColumn<Row>[] = [
    { header: "Student", value: (r) => r.name },
    { header: "Score, best", value: (r) => r.score },
    { header: "Late", value: (r) => r.late },
    { header: "Due (UTC)", value: (r) => r.due },
  ];
  const due = new Date("2025-03-15T06:59:00Z");
  const rows: Row[] = [
    { name: "Ana", score: 0.9, late: false, due },
    { name: '=cmd|"/c calc"!A0', score: -0.25, late: true, due },
    { name: "Smith, Jo", score: null, late: false, due },
  ];

  it("writes a header row and one CRLF-terminated record per row", () => {
    expect(writeCsv(columns, rows)).toBe(
      'Student,"Score, best",Late,Due (UTC)\r\n' +
        "Ana,0.9,false,2025-03-15T06:59:00.000Z\r\n" +
        '"\'=cmd|""/c calc""!A0",-0.25,true,2025-03-15T06:59:00.000Z\r\n' +
        '"Smith, Jo",,false,2025-03-15T06:59:00.000Z\r\n',
    );
  });

  it("writes only the header for no rows, and a BOM on request", () => {
    expect(writeCsv(columns, [])).toBe('Student,"Score, best",Late,Due (UTC)\r\n');
    expect(writeCsv(columns.slice(0, 1), [rows[0]!], { bom: true })).toBe(`${UTF8_BOM}Student\r\nAna\r\n`);
  });
});
