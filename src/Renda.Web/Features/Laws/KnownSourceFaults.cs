namespace Renda.Web.Features.Laws;

/// <summary>
/// Numbering faults of the laws collection itself (LawRefBook/Laws, commit 2f4c5c2), each checked by reading the file:
/// a chapter heading missing (著作权法 has no "第一章" line before 第二章), an article missing (刑事诉讼法 第一百二十八条), an abridged text (飞行基本规则 keeps only some articles). The importer takes these
/// files with exactly these faults — same file, line and message — and refuses any other numbering fault, so a new or
/// changed file with a gap fails as it should. Listed faults are reported with the import, not hidden.
/// </summary>
public static class KnownSourceFaults
{
    private static readonly (string Path, int Line, string Message)[] All =
    [
        ("宪法相关法/香港特别行政区维护国家安全法(2020-06-30).md", 29, "序号不连续：第一个章是第二章"),
        ("民法商法/著作权法(2020-11-11).md", 65, "序号不连续：第一个章是第二章"),
        ("经济法/农业技术推广法(2012-08-31).md", 111, "序号不连续：第一章之后是第三章"),
        ("行政法/城市房地产管理法(2019-08-26).md", 37, "序号不连续：第一个章是第二章"),
        ("行政法/预备役军官法(2010-08-28).md", 349, "序号不连续：第九章之后是第十一章"),
        ("行政法规/企业法人登记管理条例(2019-03-02).md", 147, "序号不连续：第八章之后是第十章"),
        ("行政法规/建设工程抗震管理条例(2021-07-19).md", 109, "序号不连续：第二章之后是第四章"),
        ("行政法规/烈士褒扬条例(2019-08-01).md", 65, "序号不连续：第一章之后是第三章"),
        ("行政法规/烟草专卖法实施条例(2021-11-10).md", 163, "序号不连续：第六章之后是第八章"),
        ("行政法规/私募投资基金监督管理条例(2023-07-03).md", 347, "序号不连续：第五章之后是第七章"),
        ("行政法规/证券公司监督管理条例(2014-07-29).md", 267, "序号不连续：第三章之后是第五章"),
        ("行政法规/飞行基本规则(2007-10-18).md", 17, "条文序号不连续：第一条之后是第十一条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 21, "条文序号不连续：第十一条之后是第二十八条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 25, "条文序号不连续：第二十八条之后是第四十三条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 29, "条文序号不连续：第四十三条之后是第六十四条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 33, "条文序号不连续：第六十四条之后是第七十九条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 37, "条文序号不连续：第七十九条之后是第八十九条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 41, "条文序号不连续：第八十九条之后是第九十八条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 45, "条文序号不连续：第九十八条之后是第一百零四条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 49, "条文序号不连续：第一百零四条之后是第一百一十二条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 53, "条文序号不连续：第一百一十二条之后是第一百一十六条"),
        ("行政法规/飞行基本规则(2007-10-18).md", 57, "条文序号不连续：第一百一十六条之后是第一百二十一条"),
        ("诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md", 641, "条文序号不连续：第一百二十七条之后是第一百二十九条"),
    ];

    private static readonly Dictionary<string, HashSet<(int, string)>> ByPath =
        All.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.Select(f => (f.Line, f.Message)).ToHashSet());

    public static int Count => All.Length;

    public static IReadOnlySet<(int Line, string Message)> For(string path) =>
        ByPath.TryGetValue(path, out var faults) ? faults : [];
}
