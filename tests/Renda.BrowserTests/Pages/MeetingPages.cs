using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/meetings: the year's meetings and the scheduling form.</summary>
public sealed class MeetingsPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("meeting-row");
    public ILocator Error => Page.GetByTestId("error");

    public static async Task<MeetingsPage> OpenAsync(IPage page, int? year = null)
    {
        await VisitAsync(page, year is null ? "/meetings" : $"/meetings?year={year}");
        return new MeetingsPage(page);
    }

    public async Task<MeetingDetailPage> OpenMeetingAsync(string title)
    {
        await Rows.Filter(new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        return new MeetingDetailPage(Page);
    }

    public async Task<MeetingDetailPage> ScheduleAsync(DateOnly starts, DateOnly ends, string place)
    {
        var form = Page.GetByTestId("schedule-form");
        await form.Locator("#starts").FillAsync(starts.ToString("yyyy-MM-dd"));
        await form.Locator("#ends").FillAsync(ends.ToString("yyyy-MM-dd"));
        await form.Locator("#place").FillAsync(place);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "安排会议" }));
        return new MeetingDetailPage(Page);
    }
}

/// <summary>/meetings/{id}: status, agenda, attendance, votes.</summary>
public sealed class MeetingDetailPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.GetByTestId("meeting-title");
    public ILocator Status => Page.GetByTestId("meeting-status");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");
    public ILocator Agenda => Page.GetByTestId("agenda");
    public ILocator Votes => Page.GetByTestId("votes");
    public ILocator Document(string kind) => Page.GetByTestId($"doc-{kind}");

    public async Task SendNoticeAsync(string reason)
    {
        var form = Page.GetByTestId("notice-form");
        await form.Locator("#reason").FillAsync(reason);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "发出会议通知" }));
    }

    /// <summary>Sends the notice without a reason for short notice: refused (409) when the meeting is less than seven days away.</summary>
    public Task<int> SendNoticeRefusedAsync()
        => SubmitRefusedAsync(Page.GetByTestId("notice-form").GetByRole(AriaRole.Button, new() { Name = "发出会议通知" }));

    public async Task AddAgendaItemAsync(string title)
    {
        var form = Page.GetByTestId("agenda-form");
        await form.Locator("input[name='Item.Title']").FillAsync(title);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "列入议程" }));
    }

    public async Task DraftResolutionAsync(string title, string text)
    {
        var form = Page.GetByTestId("resolution-form");
        await form.Locator("input[name='Draft.Title']").FillAsync(title);
        await form.Locator("textarea[name='Draft.Text']").FillAsync(text);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "列入议程" }));
    }

    public async Task<VotePage> OpenVoteAsync(string title)
    {
        await Votes.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        return new VotePage(Page);
    }
}

/// <summary>/votes and /votes/{id}: where a member votes on the phone and staff open and close.</summary>
public sealed class VotePage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.GetByTestId("vote-title");
    public ILocator Status => Page.GetByTestId("vote-status");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Voted => Page.GetByTestId("voted");
    public ILocator BallotForm => Page.GetByTestId("ballot-form");
    public ILocator Result => Page.GetByTestId("vote-result");
    public ILocator Passed => Page.GetByTestId("passed");
    public ILocator Yes => Page.GetByTestId("yes");
    public ILocator Seated => Page.GetByTestId("seated");
    public ILocator ResultSheet => Page.GetByTestId("result-sheet");
    public ILocator Roll => Page.GetByTestId("roll");
    public int Id => int.Parse(new Uri(Page.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<VotePage> OpenListAsync(IPage page)
    {
        await VisitAsync(page, "/votes");
        return new VotePage(page);
    }

    public async Task OpenFirstOpenVoteAsync()
        => await Page.GetByTestId("open-votes").GetByRole(AriaRole.Link).First.ClickAsync();

    public ILocator Confirmation => Page.GetByTestId("ballot-confirm");
    public ILocator NotVoted => Page.GetByTestId("not-voted");
    public ILocator EarlyCloseReason => Page.GetByTestId("early-close-reason");

    /// <summary>Chooses (the page then shows the choice and asks once more) and confirms.</summary>
    public async Task CastAsync(string label)
    {
        await ChooseAsync(label);
        await ConfirmBallotAsync();
    }

    public Task ChooseAsync(string label) => SubmitAsync(BallotForm.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }));
    public Task ConfirmBallotAsync() => SubmitAsync(Page.GetByTestId("ballot-confirm-button"));
    public Task OpenVoteAsync() => SubmitAsync(Page.GetByTestId("open-vote"));

    /// <summary>结束表决… then, on the confirmation, the reason where present members have not voted, and 确认结束表决.</summary>
    public async Task CloseVoteAsync(string reason = "表决时间已到。")
    {
        if (await Page.GetByTestId("close-vote-start").CountAsync() > 0) await StartClosingAsync();
        if (await EarlyCloseReason.CountAsync() > 0) await EarlyCloseReason.FillAsync(reason);
        await SubmitAsync(Page.GetByTestId("close-vote"));
    }

    public Task StartClosingAsync() => SubmitAsync(Page.GetByTestId("close-vote-start"));
}
