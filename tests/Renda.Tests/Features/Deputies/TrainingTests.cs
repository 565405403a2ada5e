using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;
using static Renda.Tests.Features.Deputies.DeputyActivitySteps;

namespace Renda.Tests.Features.Deputies;

/// <summary>履职能力提升培训班: trainees of any level, attendance, person-times, the attending deputies' duty records, and the seed's 2023 figures.</summary>
public abstract class TrainingTests(RendaApp app)
{
    private static readonly DateOnly Today = MeetingSteps.Today;

    [Fact]
    public async Task Attendance_counts_person_times_and_gives_each_attending_deputy_a_duty_record_in_their_own_congress()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var haixi = await app.DeputyIdsAsync("632800", 2, skip: 210);
        var golmud = (await app.DeputyIdsAsync("632801", 1, skip: 100)).Single();
        var before = await staff.StatisticsAsync(Today.Year);
        var training = await staff.TryCreateTrainingAsync("履职能力提升培训班（测试）", Today.AddDays(-1), Today.AddDays(1),
            Deputy(haixi[0]), Deputy(haixi[1]), Deputy(golmud), Staff("王干部")).CreatedAsync();
        var id = training.Id();
        training.GetProperty("trainees").GetArrayLength().ShouldBe(4);
        training.Str("status").ShouldBe("Planned");

        await staff.MarkAsync(id, Attended(training.TraineeOfDeputy(haixi[0])), Absent(training.TraineeOfDeputy(haixi[1]), "因病请假"),
            Attended(training.TraineeOfDeputy(golmud)), Attended(training.Trainee("王干部"))).DoneAsync();

        var marked = await staff.GetJsonAsync($"{Root}/trainings/{id}");
        marked.GetProperty("personTimes").GetInt32().ShouldBe(3);
        var records = await app.DutyRecordsAsync(Training.Subject, id);
        records.Select(r => r.DeputyId).ShouldBe(new[] { haixi[0], golmud }.Order().ToList());
        records.ShouldAllBe(r => r.Kind == DutyKinds.Training && r.Title == "履职能力提升培训班（测试）");
        var after = await staff.StatisticsAsync(Today.Year);
        after.Figure("own", "personTimes").ShouldBe(before.Figure("own", "personTimes") + 3);
        after.Figure("own", "trainings").ShouldBe(before.Figure("own", "trainings") + 1);

        // A corrected sign-in sheet: the deputy marked absent loses the record in the same step.
        (await staff.MarkAsync(id, Absent(training.TraineeOfDeputy(haixi[0]), "临时公务"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.DutyRecordsAsync(Training.Subject, id)).Select(r => r.DeputyId).ShouldBe([golmud]);
        (await staff.GetJsonAsync($"{Root}/trainings/{id}")).GetProperty("personTimes").GetInt32().ShouldBe(2);

        // Not completed before its last day.
        var early = await (await staff.PostJsonAsync($"{Root}/trainings/{id}/complete")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        early.Str("detail").ShouldContain("结业前");
    }

    [Fact]
    public async Task Bad_trainings_and_marks_are_refused_with_the_field_named_and_nothing_written()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var trainings = await app.CountAsync<Training>();
        var trainees = await app.CountAsync<TrainingTrainee>();

        await staff.TryCreateTrainingAsync("倒置日期的培训班", Today, Today.AddDays(-2)).ShouldBeRefusedAsync("endsOn", "不能早于开班日期");
        await staff.PostJsonAsync($"{Root}/trainings", new { title = "无日期", endsOn = Today.Iso() }).ShouldBeRefusedAsync("startsOn");
        // Golmud's staff cannot train a deputy of Delingha: not in Golmud's line of the tree.
        var golmudStaff = await app.ApiClientAsync("gem-staff");
        var delingha = (await app.DeputyIdsAsync("632802", 1, skip: 5)).Single();
        await golmudStaff.TryCreateTrainingAsync("格尔木市代表培训班", Today, Today, Deputy(delingha)).ShouldBeRefusedAsync("trainees", "不属于本级人大及其上下级人大");
        await staff.TryCreateTrainingAsync("无姓名学员", Today, Today, new { kind = "Staff", name = "" }).ShouldBeRefusedAsync("trainees");
        (await app.CountAsync<Training>()).ShouldBe(trainings);
        (await app.CountAsync<TrainingTrainee>()).ShouldBe(trainees);

        // Attendance: not before the first day; an absence needs its reason.
        var deputy = (await app.DeputyIdsAsync("632800", 1, skip: 215)).Single();
        var coming = await staff.TryCreateTrainingAsync("下月的培训班", Today.AddDays(30), Today.AddDays(31), Deputy(deputy)).CreatedAsync();
        var tooEarly = await (await staff.MarkAsync(coming.Id(), Attended(coming.TraineeOfDeputy(deputy)))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        tooEarly.Str("detail").ShouldContain("开班前");
        var today = await staff.TryCreateTrainingAsync("今天的培训班", Today, Today, Deputy(deputy)).CreatedAsync();
        await staff.MarkAsync(today.Id(), Absent(today.TraineeOfDeputy(deputy), null)).ShouldBeRefusedAsync("absenceReason");
        (await app.DutyRecordsAsync(Training.Subject, today.Id())).ShouldBeEmpty();
        (await staff.GetJsonAsync($"{Root}/trainings/{today.Id()}")).GetProperty("trainees")[0].Str("attendance").ShouldBe("Unmarked");
    }

    [Fact]
    public async Task Haixi_2023_has_the_seeds_three_trainings_with_over_150_person_times_summed_by_the_province()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var s = await staff.StatisticsAsync(2023);
        s.Figure("own", "trainings").ShouldBe(3);
        // "培训代表和人大干部150余人次": 50 + 52 + 50.
        s.Figure("own", "personTimes").ShouldBe(152);
        var list = await staff.GetJsonAsync($"{Root}/trainings?year=2023");
        list.EnumerateArray().Sum(t => t.GetProperty("personTimes").GetInt32()).ShouldBe(152);
        // The province sees Haixi's figures in its sum over the congresses below.
        var province = await (await app.ApiClientAsync("qh-staff")).StatisticsAsync(2023);
        province.Figure("total", "personTimes").ShouldBeGreaterThanOrEqualTo(152);
        province.GetProperty("below").EnumerateArray().Single(b => b.Str("code") == "632800").GetProperty("figures").GetProperty("personTimes").GetInt32().ShouldBe(152);
        // Haixi cannot read the province's figures (only its own and those below).
        (await staff.GetAsync($"{Root}/statistics/activities?year=2023&code=630000")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var xlsx = await staff.GetAsync($"{Root}/statistics/activities.xlsx?year=2023");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Renda.Web.Platform.Modules.Endpoints.Xlsx);
    }

    [Fact]
    public async Task The_demo_deputy_sees_the_coming_training_on_the_phone_home()
    {
        var deputy = await app.ApiClientAsync("daibiao");
        var me = await deputy.GetJsonAsync("/api/v1/deputies/me");
        me.GetProperty("trainings").EnumerateArray().ShouldContain(t => t.Str("title").Contains("第二期")
            && DateOnly.Parse(t.Str("on")) > Today && t.Str("href").StartsWith("/deputies/trainings/"));
        // A deputy cannot read the staff's training records through the API.
        (await deputy.GetAsync($"{Root}/trainings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class TrainingTests_Sqlite(SqliteApp app) : TrainingTests(app), IClassFixture<SqliteApp>;
public sealed class TrainingTests_Postgres(PostgresApp app) : TrainingTests(app), IClassFixture<PostgresApp>;
