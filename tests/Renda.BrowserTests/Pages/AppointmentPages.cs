using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>What staff type into the nomination form (提请任免).</summary>
public sealed record Nomination(string PersonName, string Post, string Nominator, string Kind = "Appointment", string? LateReason = null);

/// <summary>/appointments: the year's person-times, the list by meeting, and the staff's nomination form.</summary>
public sealed class AppointmentsPage(IPage page) : ShellPage(page)
{
    public ILocator Stats => Page.GetByTestId("appointment-stats");
    public ILocator PersonTimes => Page.GetByTestId("person-times");
    public ILocator OathPersonTimes => Page.GetByTestId("oath-person-times");
    public ILocator OathsDue => Page.GetByTestId("oaths-due");
    public ILocator ByKind(string kind) => Page.GetByTestId($"kind-{kind}");
    public ILocator List => Page.GetByTestId("appointments");
    public ILocator Rows => Page.GetByTestId("appointment-row");
    public ILocator Row(string personName) => Rows.Filter(new() { HasText = personName });
    public ILocator Error => Page.GetByTestId("error");
    public ILocator Form => Page.GetByTestId("nomination-form");
    public ILocator FormError => Page.GetByTestId("form-error");
    public ILocator LateReason => Form.Locator("#n-late");
    /// <summary>The badge the script shows when the chosen meeting is less than ten days after the nomination.</summary>
    public ILocator LateHint => Form.Locator("[data-late-hint]");
    private ILocator NominateButton => Form.GetByTestId("nominate");

    public static async Task<AppointmentsPage> OpenAsync(IPage page, int? year = null)
    {
        await VisitAsync(page, year is null ? "/appointments" : $"/appointments?year={year}");
        return new AppointmentsPage(page);
    }

    /// <summary>Chooses, in the form's meeting list, the meeting that starts on that day (the first, should there be two).</summary>
    public async Task ChooseMeetingStartingOnAsync(DateOnly startsOn)
    {
        var option = Form.Locator($"#n-meeting option[data-starts='{startsOn:yyyy-MM-dd}']").First;
        var value = await option.GetAttributeAsync("value") ?? throw new ShouldAssertException($"No meeting starting on {startsOn:yyyy-MM-dd} can take a nomination.");
        await Form.Locator("#n-meeting").SelectOptionAsync(value);
    }

    public async Task FillAsync(Nomination n)
    {
        await Form.Locator("#n-kind").SelectOptionAsync(n.Kind);
        await Form.Locator("#n-name").FillAsync(n.PersonName);
        await Form.Locator("#n-post").FillAsync(n.Post);
        await Form.Locator("#n-nominator").FillAsync(n.Nominator);
        await LateReason.FillAsync(n.LateReason ?? "");
    }

    /// <summary>Files the nomination; the server answers with the new appointment's page.</summary>
    public async Task<AppointmentDetailPage> NominateAsync()
    {
        await SubmitAsync(NominateButton);
        return new AppointmentDetailPage(Page);
    }

    /// <summary>
    /// Clicks 提请任免 and expects the browser itself to hold the form back (a required field is empty): no request
    /// leaves, the page stays. Returns whether the late reason is the field reported missing.
    /// </summary>
    public async Task<bool> NominateHeldBackByTheBrowserAsync()
    {
        var url = Page.Url;
        var posted = false;
        void OnRequest(object? sender, IRequest r) { if (r.Method == "POST") posted = true; }
        Page.Request += OnRequest;
        try
        {
            await NominateButton.ClickAsync();
            // Give a submit that was not held back the time to leave.
            await Page.WaitForTimeoutAsync(500);
        }
        finally
        {
            Page.Request -= OnRequest;
        }
        posted.ShouldBeFalse("the browser should not have sent the form");
        Page.Url.ShouldBe(url);
        return await LateReason.EvaluateAsync<bool>("e => e.validity.valueMissing");
    }

    /// <summary>
    /// Sends the form with the browser's own checks switched off (as an old browser, a script or a tampered page
    /// would), so that the server's check is what answers; the server must refuse. Returns the status.
    /// </summary>
    public async Task<int> NominateBypassingTheBrowserRefusedAsync()
    {
        await Form.EvaluateAsync("f => { f.noValidate = true; }");
        return await SubmitRefusedAsync(NominateButton);
    }
}

/// <summary>/appointments/{id}: one personnel matter.</summary>
public sealed class AppointmentDetailPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.GetByTestId("appointment-title");
    public ILocator Status => Page.GetByTestId("appointment-status");
    public ILocator OathBadge => Page.GetByTestId("oath-badge");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Details => Page.GetByTestId("appointment-details");
    public ILocator LateReason => Page.GetByTestId("late-reason");
    public ILocator Oath => Page.GetByTestId("oath");
    public ILocator OathDue => Page.GetByTestId("oath-due");
    public int Id => int.Parse(new Uri(Page.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<AppointmentDetailPage> OpenAsync(IPage page, int id)
    {
        await VisitAsync(page, $"/appointments/{id}");
        return new AppointmentDetailPage(page);
    }

    /// <summary>Follows 登记宪法宣誓 to the oaths page with this appointment ticked.</summary>
    public async Task<OathsPage> GoRecordOathAsync()
    {
        await Page.GetByTestId("record-oath").ClickAsync();
        await Page.WaitForURLAsync("**/oaths?appointment=*");
        return new OathsPage(Page);
    }
}

/// <summary>/oaths: the oath text, who still has to take it, the form, and the year's oaths.</summary>
public sealed class OathsPage(IPage page) : ShellPage(page)
{
    public ILocator OathText => Page.GetByTestId("oath-text");
    public ILocator Awaiting => Page.GetByTestId("awaiting");
    public ILocator AwaitingRow(string personName) => Page.GetByTestId("awaiting-row").Filter(new() { HasText = personName });
    public ILocator NoneAwaiting => Page.GetByTestId("no-awaiting");
    public ILocator Form => Page.GetByTestId("oath-form");
    public ILocator Kind => Form.Locator("#o-kind");
    public ILocator Place => Form.Locator("#o-place");
    public ILocator Leader => Form.Locator("#o-leader");
    public ILocator LeaderField => Form.Locator("[data-oath-leader]");
    public ILocator MeetingChoice => Form.Locator("#o-meeting");
    public ILocator Totals => Page.GetByTestId("oath-totals");
    public ILocator Oaths => Page.GetByTestId("oaths");
    public ILocator OathRows => Page.GetByTestId("oath-row");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");

    public static async Task<OathsPage> OpenAsync(IPage page, int? year = null)
    {
        await VisitAsync(page, year is null ? "/oaths" : $"/oaths?year={year}");
        return new OathsPage(page);
    }

    /// <summary>The box that puts this person among the takers.</summary>
    public ILocator Taker(string personName) => Form.GetByRole(AriaRole.Checkbox, new() { Name = $"{personName} 宣誓" });

    public async Task RecordAsync() => await SubmitAsync(Form.GetByTestId("record-oath"));
}
