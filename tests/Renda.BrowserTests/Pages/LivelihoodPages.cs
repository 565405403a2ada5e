using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>A candidate project as the government submits it.</summary>
public sealed record Candidate(string Name, string Department, decimal Budget, string Description);

/// <summary>/livelihood: the year's livelihood-project ballots; staff start a new one here.</summary>
public sealed class LivelihoodListPage(IPage page) : ShellPage(page)
{
    public ILocator Ballots => Page.GetByTestId("ballots");
    public ILocator OpenBallots => Page.GetByTestId("open-ballots");
    public ILocator Rows => Page.GetByTestId("ballot-row");
    public ILocator Row(string title) => Rows.Filter(new() { HasText = title });
    public ILocator CreateForm => Page.GetByTestId("create-form");

    public static async Task<LivelihoodListPage> OpenAsync(IPage page, int? year = null)
    {
        await VisitAsync(page, year is null ? "/livelihood" : $"/livelihood?year={year}");
        return new LivelihoodListPage(page);
    }

    public async Task<LivelihoodBallotPage> OpenBallotAsync(string title)
    {
        await Row(title).First.ClickAsync();
        await Page.WaitForURLAsync("**/livelihood/*");
        return new LivelihoodBallotPage(Page);
    }

    public async Task<LivelihoodBallotPage> CreateAsync(int year, string title, string session, int places)
    {
        await CreateForm.Locator("#c-year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await CreateForm.Locator("#c-title").FillAsync(title);
        await CreateForm.Locator("#c-session").FillAsync(session);
        await CreateForm.Locator("#c-places").FillAsync(places.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SubmitAsync(CreateForm.GetByTestId("create-ballot"));
        return new LivelihoodBallotPage(Page);
    }
}

/// <summary>/livelihood/{id}: candidates, the deputies' ballot, the result, progress and the year-end evaluation.</summary>
public sealed class LivelihoodBallotPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.GetByTestId("ballot-title");
    public ILocator Status => Page.GetByTestId("ballot-status");
    public ILocator Facts => Page.GetByTestId("ballot-facts");
    public ILocator Turnout => Page.GetByTestId("turnout");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");
    public ILocator FormError => Page.GetByTestId("form-error");
    public ILocator Candidates => Page.GetByTestId("candidates");
    public ILocator CandidateRows => Page.GetByTestId("candidate-row");
    public ILocator CandidateRow(string name) => CandidateRows.Filter(new() { HasText = name });
    /// <summary>Vote counts in the result table: present only once the ballot is closed.</summary>
    public ILocator VoteCounts => Page.GetByTestId("votes");
    public ILocator AdoptedBadges => Page.GetByTestId("adopted");
    public ILocator TieNote => Page.GetByTestId("tie-note");
    public ILocator BallotForm => Page.GetByTestId("ballot-form");
    public ILocator Choices => Page.GetByTestId("ballot-choice");
    public ILocator Choice(string name) => Choices.Filter(new() { HasText = name }).Locator("input[type=checkbox]");
    public ILocator TickCount => BallotForm.Locator("[data-tick-count]");
    public ILocator Voted => Page.GetByTestId("voted");
    public ILocator EvaluationOpen => Page.GetByTestId("evaluation-open");
    public ILocator EvaluationTodo => Page.GetByTestId("evaluation-todo");
    public ILocator ProjectCards => Page.GetByTestId("project-progress");
    public ILocator Project(string name) => ProjectCards.Filter(new() { HasText = name });
    public int Id => int.Parse(new Uri(Page.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<LivelihoodBallotPage> OpenAsync(IPage page, int id)
    {
        await VisitAsync(page, $"/livelihood/{id}");
        return new LivelihoodBallotPage(page);
    }

    public async Task AddCandidateAsync(Candidate c)
    {
        var form = Page.GetByTestId("project-form");
        await form.Locator("#p-name").FillAsync(c.Name);
        await form.Locator("#p-dept").FillAsync(c.Department);
        await form.Locator("#p-budget").FillAsync(c.Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("#p-desc").FillAsync(c.Description);
        await SubmitAsync(form.GetByTestId("add-project"));
    }

    /// <summary>开始投票, confirmed; returns the question the page asked.</summary>
    public Task<string> OpenBallotAsync() => SubmitConfirmedAsync(Page.GetByTestId("open-ballot"));

    /// <summary>开始投票 that the server must refuse (差额: too few candidates).</summary>
    public Task<(string Question, int Status)> OpenBallotRefusedAsync() => SubmitConfirmedRefusedAsync(Page.GetByTestId("open-ballot"));

    /// <summary>投出选票, confirmed; returns the question the page asked.</summary>
    public Task<string> CastAsync() => SubmitConfirmedAsync(BallotForm.GetByTestId("cast"));

    /// <summary>结束投票, confirmed.</summary>
    public Task<string> CloseBallotAsync() => SubmitConfirmedAsync(Page.GetByTestId("close-ballot"));

    /// <summary>Evaluates the adopted project of that card: 满意, 基本满意 or 不满意.</summary>
    public async Task EvaluateAsync(ILocator projectCard, string label)
        => await SubmitAsync(projectCard.GetByTestId("evaluate-form").GetByRole(AriaRole.Button, new() { Name = label, Exact = true }));
}
