using System.Text;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Platform.Calendar;

/// <summary>A holiday-cn file is validated completely before anything is written; errors name the problem in Chinese.</summary>
public sealed class HolidayFileTests
{
    private static HolidayFile Parse(string json) => HolidayFile.Parse(Encoding.UTF8.GetBytes(json));

    private static DomainException Refused(string json)
    {
        var e = Should.Throw<DomainException>(() => Parse(json));
        e.Kind.ShouldBe(DomainErrorKind.Invalid);
        return e;
    }

    [Fact]
    public void Every_shipped_file_parses_and_2027_has_no_days_yet()
    {
        var files = Directory.GetFiles(WorkCalendar.ShippedFolder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => HolidayFile.Parse(File.ReadAllBytes(f))).ToList();
        files.Select(f => f.Year).ShouldBe([2022, 2023, 2024, 2025, 2026, 2027]);
        files.Single(f => f.Year == 2025).Days.Count.ShouldBe(33);
        files.Single(f => f.Year == 2027).Days.ShouldBeEmpty();
        File.Exists(Path.Combine(WorkCalendar.ShippedFolder, "LICENSE")).ShouldBeTrue();
    }

    [Fact]
    public void Adjacent_December_and_January_are_allowed()
    {
        var file = Parse("""{"year": 2023, "days": [{"name": "元旦", "date": "2022-12-31", "isOffDay": true}, {"name": "元旦", "date": "2024-01-01", "isOffDay": true}]}""");
        file.Days.Count.ShouldBe(2);
    }

    [Fact]
    public void Broken_files_are_refused_with_the_reason()
    {
        Refused("not json").Field.ShouldBe("file");
        Refused("[]").Field.ShouldBe("file");
        Refused("""{"days": []}""").Field.ShouldBe("year");
        Refused("""{"year": "2025", "days": []}""").Field.ShouldBe("year");
        Refused("""{"year": 2025}""").Field.ShouldBe("days");
        Refused("""{"year": 2025, "days": [{"name": "国庆节", "date": "2024-10-01", "isOffDay": true}]}""").Message.ShouldContain("不属于 2025 年");
        Refused("""{"year": 2025, "days": [{"name": "国庆节", "date": "2025-10-01", "isOffDay": "true"}]}""").Message.ShouldContain("isOffDay 必须是 true 或 false");
        Refused("""{"year": 2025, "days": [{"name": "国庆节", "date": "2025/10/01", "isOffDay": true}]}""").Message.ShouldContain("yyyy-MM-dd");
        Refused("""{"year": 2025, "days": [{"date": "2025-10-01", "isOffDay": true}]}""").Message.ShouldContain("name");
        Refused("""{"year": 2025, "days": [{"name": "国庆节", "date": "2025-10-09", "isOffDay": false}]}""").Message.ShouldContain("工作日");
        Refused("""{"year": 2025, "days": [{"name": "a", "date": "2025-10-01", "isOffDay": true}, {"name": "b", "date": "2025-10-01", "isOffDay": true}]}""").Message.ShouldContain("重复");
    }
}
