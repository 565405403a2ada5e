using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/deputies/receptions/{id} — the staff record the constituents received at a reception day.</summary>
public sealed class ReceptionPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Opinion(string text) => Page.GetByTestId("opinion-card").Filter(new() { HasText = text });

    /// <summary>Opens today's reception at the station from the year's list.</summary>
    public static async Task<ReceptionPage> OpenTodaysAsync(IPage page, DateOnly today, string station)
    {
        await VisitAsync(page, $"/deputies/receptions?year={today.Year}");
        var row = page.GetByTestId("reception-row").Filter(new() { HasText = station }).Filter(new() { HasText = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await row.First.GetByRole(AriaRole.Link).First.ClickAsync();
        return new ReceptionPage(page);
    }

    public async Task RecordAsync(string person, string contact, string category, string content)
    {
        await Page.GetByLabel("群众姓名").FillAsync(person);
        await Page.GetByLabel("联系方式").FillAsync(contact);
        await Page.GetByLabel("类别").SelectOptionAsync(category);
        await Page.GetByLabel("意见内容").FillAsync(content);
        await SubmitAsync(Page.GetByTestId("record-opinion"));
    }

    public async Task<OpinionPage> OpenOpinionAsync(string text)
    {
        await Opinion(text).GetByRole(AriaRole.Link).First.ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/deputies/opinions/\\d+$"));
        return new OpinionPage(Page);
    }
}

/// <summary>/deputies/opinions/{id} — one opinion and the step its state allows (staff) or the referral's answer (the unit's officer).</summary>
public sealed class OpinionPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Status => Page.GetByTestId("opinion-status");
    public ILocator Contact => Page.GetByTestId("opinion-contact");
    public ILocator Answer => Page.GetByTestId("opinion-answer");
    public ILocator Feedback => Page.GetByTestId("opinion-feedback");
    public ILocator Satisfaction => Page.GetByTestId("opinion-satisfaction");

    public async Task ReferAsync(string unit)
    {
        await Page.GetByLabel("承办单位").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await SubmitAsync(Page.GetByTestId("refer"));
    }

    public async Task AnswerAsync(string text)
    {
        await Page.GetByLabel("答复内容").FillAsync(text);
        await SubmitAsync(Page.GetByTestId("answer-referral"));
    }

    public async Task FeedbackAsync(string text)
    {
        await Page.GetByLabel("反馈内容").FillAsync(text);
        await SubmitAsync(Page.GetByTestId("record-feedback"));
    }

    public async Task RateAsync(string label)
    {
        await Page.GetByLabel(label, new() { Exact = true }).CheckAsync();
        await SubmitAsync(Page.GetByTestId("record-satisfaction"));
    }

    public async Task TurnIntoSuggestionAsync(string title)
    {
        await Page.GetByLabel("领衔代表").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("建议标题").FillAsync(title);
        await SubmitAsync(Page.GetByTestId("to-suggestion"));
    }
}

/// <summary>/deputies/opinions/referred — the handling unit's queue (a phone).</summary>
public sealed class ReferredOpinionsPage(IPage page) : ShellPage(page)
{
    public static async Task<ReferredOpinionsPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/deputies/opinions/referred");
        return new ReferredOpinionsPage(page);
    }

    public ILocator Waiting(string text) => Page.GetByTestId("waiting").GetByTestId("opinion-card").Filter(new() { HasText = text });

    public async Task<OpinionPage> OpenAsync(string text)
    {
        await Waiting(text).GetByRole(AriaRole.Link).First.ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/deputies/opinions/\\d+$"));
        return new OpinionPage(Page);
    }
}

/// <summary>/stations/{id} — a station's public page with the online opinion form.</summary>
public sealed class PublicStationPage(IPage page) : ShellPage(page)
{
    public ILocator ReceiptCode => Page.GetByTestId("receipt-code");
    public ILocator PublicStatus => Page.GetByTestId("public-status");

    public static async Task<PublicStationPage> OpenAsync(IPage page, string station)
    {
        await VisitAsync(page, "/stations");
        await page.GetByTestId("public-station").Filter(new() { HasText = station }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/stations/\\d+$"));
        return new PublicStationPage(page);
    }

    /// <summary>Tabs to the form and fills it with the keyboard only, then sends it with Enter.</summary>
    public async Task LeaveOpinionWithTheKeyboardAsync(string name, string contact, string content)
    {
        for (var i = 0; i < 80 && await Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "PersonName"; i++)
            await Page.Keyboard.PressAsync("Tab");
        (await Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''")).ShouldBe("PersonName", "the form is reachable with Tab");
        await Page.Keyboard.TypeAsync(name);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(contact);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("ArrowDown"); // the first category
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(content);
        await Page.Keyboard.PressAsync("Tab");
        (await Page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''")).ShouldContain("提交留言");
        var navigation = Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/stations/opinion\\?code="));
        await Page.Keyboard.PressAsync("Enter");
        await navigation;
    }
}
