using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Deputies;

/// <summary>
/// Trainings in a real browser: staff read the year's person-times in the statistics, follow the figure to the trainings,
/// register a training, enrol deputies and staff, mark attendance, and the statistics rise by exactly those who attended.
/// </summary>
public sealed class TrainingJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Staff_record_a_training_and_its_person_times_appear_in_the_statistics()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        const string title = "海西州人大代表履职能力提升培训班（第四期）";
        var (staff, _) = await SignedInAsync("daigongwei");
        var statistics = await ActivityStatisticsPage.OpenAsync(staff.Page);
        var trainingsBefore = await ActivityStatisticsPage.ReadAsync(statistics.Trainings);
        var personTimesBefore = await ActivityStatisticsPage.ReadAsync(statistics.PersonTimes);
        var totalBefore = await ActivityStatisticsPage.ReadAsync(statistics.TotalPersonTimes);
        await SnapAsync(staff, "1-before");

        var trainings = await statistics.OpenTrainingsAsync();
        var training = await trainings.CreateAsync(title, today, today.AddDays(2), "德令哈市", "代表建议撰写、预算审查监督");
        await Expect(training.Message).ToContainTextAsync("培训班已登记");
        await training.EnrolAsync(3, "王芳 州人大常委会代表工委", "李强 德令哈市人大常委会办公室");
        await Expect(training.Message).ToContainTextAsync("已添加 5 名学员");
        await Expect(training.Trainees).ToHaveCountAsync(5);
        await SnapAsync(staff, "2-enrolled");

        // Four attend, one deputy is absent with a reason: person-times count those who attended.
        var names = await training.TraineeNamesAsync();
        foreach (var name in names.Take(2)) await training.MarkAsync(name, "出席");
        await training.MarkAsync(names[2], "缺席", "参加州人代会预备会议");
        await training.MarkAsync("王芳", "出席");
        await training.MarkAsync("李强", "出席");
        await training.SaveAttendanceAsync();
        await Expect(training.Message).ToContainTextAsync("出勤已保存");
        await Expect(training.PersonTimes).ToContainTextAsync("出席 4 人次");
        await SnapAsync(staff, "3-attendance");

        statistics = await ActivityStatisticsPage.OpenAsync(staff.Page);
        await Expect(statistics.Trainings).ToHaveTextAsync((trainingsBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(statistics.PersonTimes).ToHaveTextAsync((personTimesBefore + 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(statistics.TotalPersonTimes).ToHaveTextAsync((totalBefore + 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SnapAsync(staff, "4-after");

        trainings = await statistics.OpenTrainingsAsync();
        await Expect(trainings.Row(title).GetByTestId("training-person-times")).ToHaveTextAsync("4");
        await CspShouldBeCleanAsync(staff);
    }
}
