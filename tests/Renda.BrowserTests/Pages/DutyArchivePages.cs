using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/deputies/me — 我的履职, the deputy's phone home.</summary>
public sealed class MyDutyPage(IPage page) : ShellPage(page)
{
    public ILocator Points => Main.GetByTestId("points");
    public ILocator Meetings => Main.GetByTestId("my-meetings");
    public ILocator Reports => Main.GetByTestId("my-reports");

    public static async Task<MyDutyPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/deputies/me");
        return new MyDutyPage(page);
    }

    public async Task<MyArchivePage> OpenArchiveAsync()
    {
        await Main.GetByRole(AriaRole.Link, new() { Name = "查看履职档案" }).ClickAsync();
        await Page.WaitForURLAsync("**/deputies/me/archive");
        return new MyArchivePage(Page);
    }
}

/// <summary>/deputies/me/archive — the archive by year and kind with its points, and the correction form.</summary>
public sealed class MyArchivePage(IPage page) : ShellPage(page)
{
    public ILocator Kinds => Main.GetByTestId("archive-kinds");
    public ILocator Records => Main.GetByTestId("archive-records");
    public ILocator YearPoints => Main.GetByTestId("year-points");
    public ILocator Corrections => Main.GetByTestId("archive-corrections");
    public ILocator Message => Main.GetByTestId("message");

    public static async Task<MyArchivePage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/deputies/me/archive");
        return new MyArchivePage(page);
    }

    /// <summary>Asks for a missing record to be added.</summary>
    public async Task AskForMissingRecordAsync(string kind, DateOnly on, string title, string reason)
    {
        var form = Main.GetByTestId("correction-form");
        await form.GetByLabel("更正哪条记录").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await form.GetByLabel("类别（补录时）").SelectOptionAsync(kind);
        await form.GetByLabel("日期").FillAsync(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("事项").FillAsync(title);
        await form.GetByLabel("理由").FillAsync(reason);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "提交更正申请" }));
    }
}

/// <summary>/deputies/corrections — staff decide the correction requests.</summary>
public sealed class CorrectionsPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Main.GetByTestId("message");

    public static async Task<CorrectionsPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/deputies/corrections");
        return new CorrectionsPage(page);
    }

    public ILocator Request(string text) => Main.GetByTestId("correction").Filter(new() { HasText = text });

    public async Task AcceptAsync(string text, string decision)
    {
        var card = Request(text);
        await card.GetByTestId("decision").FillAsync(decision);
        await SubmitAsync(card.GetByTestId("accept"));
    }
}
