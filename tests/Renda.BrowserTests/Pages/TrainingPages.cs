using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/deputies/statistics/activities — the year's figures of trainings, forums, 六联系 and joint inspections.</summary>
public sealed class ActivityStatisticsPage(IPage page) : ShellPage(page)
{
    public ILocator PersonTimes => Main.GetByTestId("stat-person-times");
    public ILocator Trainings => Main.GetByTestId("stat-trainings");
    public ILocator TotalPersonTimes => Main.GetByTestId("stat-total-person-times");

    public static async Task<ActivityStatisticsPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/deputies/statistics/activities");
        return new ActivityStatisticsPage(page);
    }

    /// <summary>A figure as the page shows it.</summary>
    public static async Task<int> ReadAsync(ILocator figure) => int.Parse((await figure.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Follows the person-times figure to the records behind it (the year's trainings).</summary>
    public async Task<TrainingsPage> OpenTrainingsAsync()
    {
        await PersonTimes.GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/deputies/trainings\\?year=\\d+$"));
        return new TrainingsPage(Page);
    }
}

/// <summary>/deputies/trainings — the year's trainings; staff register a new one.</summary>
public sealed class TrainingsPage(IPage page) : ShellPage(page)
{
    public ILocator Summary => Main.GetByTestId("training-summary");
    public ILocator Row(string title) => Main.GetByTestId("training-row").Filter(new() { HasText = title });

    public async Task<TrainingPage> CreateAsync(string title, DateOnly startsOn, DateOnly endsOn, string place, string topics)
    {
        var form = Main.GetByTestId("training-form");
        await form.GetByLabel("培训班名称").FillAsync(title);
        await form.GetByLabel("开班").FillAsync(Iso(startsOn));
        await form.GetByLabel("结业").FillAsync(Iso(endsOn));
        await form.GetByLabel("地点").FillAsync(place);
        await form.GetByLabel("培训内容").FillAsync(topics);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "登记" }));
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/deputies/trainings/\\d+$"));
        return new TrainingPage(Page);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>/deputies/trainings/{id} — trainees, attendance and materials.</summary>
public sealed class TrainingPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Main.GetByTestId("message");
    public ILocator PersonTimes => Main.GetByTestId("training-person-times");
    public ILocator Trainees => Main.GetByTestId("trainee-row");

    /// <summary>Enrols the first <paramref name="deputies"/> deputies of the list and staff given as "姓名 单位" lines.</summary>
    public async Task EnrolAsync(int deputies, params string[] staff)
    {
        var form = Main.GetByTestId("enrol-form");
        var options = form.Locator("select[name=DeputyIds] option");
        var values = new List<string>();
        for (var i = 0; i < deputies; i++) values.Add(await options.Nth(i).GetAttributeAsync("value") ?? "");
        await form.GetByLabel("人大代表", new() { Exact = true }).SelectOptionAsync(values);
        await form.GetByLabel("人大干部（每行一人：姓名 单位）").FillAsync(string.Join("\n", staff));
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "添加" }));
    }

    /// <summary>Marks a trainee (by name) attended or absent; saved with <see cref="SaveAttendanceAsync"/>.</summary>
    public async Task MarkAsync(string name, string attendance, string? reason = null)
    {
        await Main.GetByLabel($"{name} 出勤", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = attendance });
        if (reason is not null) await Main.GetByLabel($"{name} 缺席原因", new() { Exact = true }).FillAsync(reason);
    }

    public async Task SaveAttendanceAsync() => await SubmitAsync(Main.GetByTestId("save-attendance"));

    /// <summary>The trainees' names as listed (first line of each row).</summary>
    public async Task<IReadOnlyList<string>> TraineeNamesAsync()
    {
        var names = new List<string>();
        foreach (var row in await Trainees.AllAsync())
            names.Add((await row.Locator("td").First.EvaluateAsync<string>("td => td.firstChild.textContent")).Trim());
        return names;
    }
}
