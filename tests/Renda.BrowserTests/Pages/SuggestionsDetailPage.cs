using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Pages;

/// <summary>/suggestions/{id} — the record and the action panels of whoever looks at it.</summary>
public sealed partial class SuggestionsDetailPage(IPage page) : ShellPage(page)
{
    public ILocator Status => Main.GetByTestId("status").First;
    public ILocator Number => Main.GetByTestId("number");
    public ILocator Message => Main.GetByTestId("message");
    public ILocator PageError => Main.GetByTestId("page-error");
    public ILocator Clocks => Main.GetByTestId("clock");
    public ILocator Answers => Main.GetByTestId("answer");
    public ILocator RatePanel => Main.GetByTestId("act-rate");
    public ILocator AnswerDocument => Main.GetByTestId("answer-document");

    /// <summary>The suggestion's id, from the address.</summary>
    public int Id => int.Parse(IdInPath().Match(new Uri(Page.Url).AbsolutePath).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<SuggestionsDetailPage> OpenAsync(IPage page, int id)
    {
        await VisitAsync(page, $"/suggestions/{id}");
        var detail = new SuggestionsDetailPage(page);
        await Expect(detail.Status).ToBeVisibleAsync();
        return detail;
    }

    public async Task ShouldHaveStatusAsync(string label) => await Expect(Status).ToHaveTextAsync(label);

    public async Task AcceptAsync()
    {
        await SubmitAsync(Page.Locator("#act-accept button[type=submit]"));
        await ShouldHaveStatusAsync("已受理待交办");
    }

    /// <summary>交办 to one lead unit (主办、协办 mode), chosen by name.</summary>
    public async Task AssignToLeadUnitAsync(string unit)
    {
        await Page.Locator("label[for='Assign-Mode-LeadAndCo']").ClickAsync();
        await Page.Locator("#Assign-LeadUnit").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await SubmitAsync(Page.GetByTestId("assign-submit"));
        await ShouldHaveStatusAsync("办理中");
    }

    public async Task RecordFaceToFaceContactAsync(string notes)
    {
        var panel = Page.GetByTestId("act-contact");
        if (await panel.GetAttributeAsync("open") is null)
            await panel.Locator("summary").ClickAsync();
        await Page.Locator("#Contact-Kind").SelectOptionAsync("Visit");
        await Page.Locator("#Contact-FaceToFace").CheckAsync();
        await Page.Locator("#Contact-Notes").FillAsync(notes);
        await SubmitAsync(Page.GetByTestId("contact-submit"));
        await Expect(Message).ToContainTextAsync("联系记录已保存");
    }

    public async Task AnswerAsync(string category, string text, string signedBy, FilePayload document)
    {
        await Page.Locator("#Answer-Category").SelectOptionAsync(category);
        await Page.Locator("#Answer-Text").FillAsync(text);
        await Page.Locator("#Answer-SignedBy").FillAsync(signedBy);
        await Page.Locator("#Answer-Document").SetInputFilesAsync(document);
        await SubmitAsync(Page.GetByTestId("answer-submit"));
        await ShouldHaveStatusAsync("已答复待评价");
    }

    /// <summary>满意 / 基本满意 / 不满意: taps the big button, then 提交评价, and confirms (a rating cannot be changed).</summary>
    public async Task RateAsync(string result, string? reason = null)
    {
        await RatePanel.GetByText(result, new() { Exact = true }).ClickAsync();
        if (reason is not null)
            await Page.Locator("#Rating-Reason").FillAsync(reason);
        (await SubmitConfirmedAsync(Page.GetByTestId("rate-submit"))).ShouldContain("不能更改");
    }

    /// <summary>Opens the publish panel, keeps the prefilled text (optionally replacing the content) and publishes.</summary>
    public async Task PublishAsync(string? content = null)
    {
        var panel = Page.GetByTestId("act-publish");
        if (await panel.GetAttributeAsync("open") is null)
            await panel.Locator("summary").ClickAsync();
        if (content is not null)
            await Page.Locator("#Publish-Content").FillAsync(content);
        await SubmitAsync(Page.GetByTestId("publish-submit"));
        await Expect(Main.GetByTestId("published")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^/suggestions/(\d+)$")]
    private static partial Regex IdInPath();
}
