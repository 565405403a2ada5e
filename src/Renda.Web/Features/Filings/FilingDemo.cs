using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings;

/// <summary>
/// Filing and review in the demo, from seed 000: Haixi 2023 — the 8 normative documents filed by the prefecture government,
/// each filed, reviewed and archived, and the cleanups of documents on 黄河流域保护, 青藏高原生态环境保护 and 物业管理 that
/// collected 39 resolutions and decisions of the prefecture and city congresses; the current year with filings in every
/// state, one late, one with a problem under correction, review suggestions, a catalogue with unfiled documents.
/// Replayed through the entities' transitions with the demo's dates and with the module's clocks (the workflows refuse past
/// dates); the figures come from the statistics queries.
/// </summary>
public static class FilingDemo
{
    public const string FilerAccount = "zhengfu";

    public static async Task EnsureAsync(RendaDbContext db, WorkCalendar calendar, string password, CancellationToken ct = default)
    {
        var haixi = await db.Congresses.FirstOrDefaultAsync(c => c.Code == "632800", ct);
        if (haixi is null || await db.Set<Filing>().AnyAsync(ct)) return;
        var golmud = await db.Congresses.FirstAsync(c => c.Code == "632801", ct);
        var units = await db.HandlingUnits.Where(u => u.CongressId == haixi.Id).ToListAsync(ct);
        var government = units.First(u => u.Kind == HandlingUnitKind.Government);
        var procuratorate = units.First(u => u.Kind == HandlingUnitKind.Procuratorate);
        var supervisory = units.First(u => u.Kind == HandlingUnitKind.SupervisoryCommission);
        var legal = await db.Committees.FirstAsync(c => c.CongressId == haixi.Id && c.Name == "法制委员会", ct);
        var today = WorkCalendar.Today(db.Clock);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        // The filing organ's officer (报备机关经办人) of the prefecture government.
        if (!await db.Accounts.AnyAsync(a => a.UserName == FilerAccount, ct))
        {
            var account = new Account { UserName = FilerAccount, DisplayName = "州人民政府备案经办人", CongressId = haixi.Id, IsDemo = true, MustChangePassword = false, PasswordChangedAt = now };
            account.PasswordHash = Passwords.Hash(account, password);
            account.Grant(Role.HandlingUnitOfficer, handlingUnitId: government.Id);
            db.Accounts.Add(account);
        }

        var gov = new Filer(FilerType.Government, government.Id, null, government.Name);
        var serials = new Dictionary<int, int>();
        Filing NewFiling(Filer filer, string title, string? number, DocumentKind kind, DateOnly published, DateOnly filed)
        {
            var f = new Filing
            {
                CongressId = haixi.Id, FilerType = filer.Type, FilerHandlingUnitId = filer.HandlingUnitId, FilerCongressId = filer.CongressId, FilerName = filer.Name,
                Kind = kind, Title = title, DocumentNumber = number, IssuingOrgan = filer.Name, PublishedOn = published, FiledOn = filed, Late = Filing.IsLate(published, filed),
                Text = $"{title}\n\n第一条 为了……，根据《中华人民共和国……法》等法律法规，结合本州实际，制定本办法。\n第二条 本办法适用于本州行政区域内的……。\n第三条 ……\n第二十条 本办法自公布之日起施行。",
                Explanation = $"关于《{title}》的起草说明：……", Basis = "《中华人民共和国立法法》《青海省规范性文件制定和备案办法》", CreatedAt = now,
            };
            db.Add(f);
            return f;
        }
        void Receive(Filing f, DateOnly on)
        {
            serials[on.Year] = serials.GetValueOrDefault(on.Year) + 1;
            f.Receive(on, serials[on.Year]);
        }
        Review NewReview(Filing? f, string title, ReviewMode mode, DateOnly on, string? requestedBy = null)
        {
            var r = new Review { CongressId = haixi.Id, FilingId = f?.Id, DocumentTitle = title, Mode = mode, RequestedBy = requestedBy, RegisteredOn = on, CreatedAt = now };
            db.Add(r);
            return r;
        }
        var st = await Settings.ForAsync<FilingSettings>(db, haixi.Id, ct);
        void Clock(ClockSubject subject, ClockSpec spec, DateOnly from, bool met, ClockOwner owner = default)
        {
            var d = FilingClocks.Start(db, calendar, haixi.Id, subject, spec, from, owner);
            if (met) d.Complete(now);
        }
        void CheckClock(Filing f, bool met) => Clock(FilingClocks.Of(f), FilingClocks.Check(st, f.Title), f.FiledOn, met);
        void PassClock(Review r, bool met) => Clock(FilingClocks.Of(r), FilingClocks.Pass(st, r.DocumentTitle), r.RegisteredOn, met);
        void ReviewClock(Review r, bool met) => Clock(FilingClocks.Of(r), FilingClocks.Review(st, r.DocumentTitle), r.PassedOn!.Value, met, ClockOwner.Committee(legal.Id));
        void Findings(Review r, ReviewStandard? problem = null, string? ground = null)
        {
            foreach (var s in Enum.GetValues<ReviewStandard>())
                r.RecordFinding(s, s == problem, s == problem ? ground : null, s == problem ? "存在问题，建议制定机关予以纠正。" : "未发现问题。");
        }

        // --- 2023: the government's 8 documents, each filed, reviewed and archived -----------------------------
        string[] titles2023 =
        [
            "海西州人民政府关于印发海西州城镇燃气安全管理办法的通知", "海西州人民政府关于印发海西州盐湖资源开发利用管理办法的通知",
            "海西州人民政府关于印发海西州柴达木枸杞产业发展扶持办法的通知", "海西州人民政府关于印发海西州政府投资项目管理办法的通知",
            "海西州人民政府关于印发海西州城市市容和环境卫生管理办法的通知", "海西州人民政府关于印发海西州草原生态保护补助奖励资金管理办法的通知",
            "海西州人民政府关于印发海西州重大行政决策程序规定的通知", "海西州人民政府关于印发海西州物业服务收费管理办法的通知",
        ];
        var archived2023 = new List<(Filing F, Review R)>();
        for (var i = 0; i < titles2023.Length; i++)
        {
            var published = new DateOnly(2023, 1 + i * 3 / 2, 6 + i);
            var f = NewFiling(gov, titles2023[i], $"西政〔2023〕{10 + i * 7}号", DocumentKind.Other, published, published.AddDays(12 + i));
            archived2023.Add((f, null!));
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < archived2023.Count; i++)
        {
            var f = archived2023[i].F;
            Receive(f, f.FiledOn.AddDays(3));
            CheckClock(f, true);
            archived2023[i] = (f, NewReview(f, f.Title, ReviewMode.Active, f.ReceivedOn!.Value));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (f, r) in archived2023)
        {
            PassClock(r, true);
            r.PassToCommittee(r.RegisteredOn.AddDays(2), legal.Id, legal.Name);
            f.MarkUnderReview();
            ReviewClock(r, true);
            Findings(r);
            // Reviewed within the year, as the seed reports ("逐一备案、审查、归档").
            var end = r.PassedOn!.Value.AddDays(40);
            r.Close(end.Year > 2023 ? new DateOnly(2023, 12, 28) : end, ReviewOutcome.NoProblem, "经审查，未发现违反宪法、法律、法规的情形，予以归档。", null, null);
            f.Archive(r.ClosedOn!.Value);
        }

        // --- 2023: cleanups on three themes, 39 resolutions and decisions of the prefecture and city congresses ---
        string[] organs = ["海西州人大常委会", "格尔木市人大常委会", "德令哈市人大常委会", "茫崖市人大常委会"];
        (string Theme, int Count, string[] Subjects)[] cleanups =
        [
            ("黄河流域保护", 13, ["水资源保护", "河湖长制", "水土保持", "湿地保护", "饮用水水源地保护"]),
            ("青藏高原生态环境保护", 14, ["草原生态保护", "野生动物保护", "矿区生态修复", "冰川冻土保护", "柴达木盆地生态环境保护", "自然保护地管理"]),
            ("物业管理", 12, ["住宅小区物业管理", "物业服务收费", "老旧小区改造", "业主委员会"]),
        ];
        var cleanupDocs = 0;
        foreach (var (theme, count, subjects) in cleanups)
        {
            var c = new ReviewCampaign
            {
                CongressId = haixi.Id, Kind = CampaignKind.Cleanup, Theme = theme, Scope = "州人大及各市人大决议决定", Year = 2023, StartedOn = new DateOnly(2023, 4, 10),
            };
            for (var i = 0; i < count; i++)
            {
                var organ = organs[(i + cleanupDocs) % organs.Length];
                var year = 2005 + (i * 7 + cleanupDocs) % 17;
                var result = i % 9 == 4 ? CampaignResult.Amend : i % 13 == 7 ? CampaignResult.Repeal : CampaignResult.Keep;
                var d = c.AddDocument(new CampaignDocument { Title = $"{organ}关于加强{subjects[i % subjects.Length]}工作的{(i % 2 == 0 ? "决定" : "决议")}（{year}年）", IssuingOrgan = organ });
                c.Decide(d, result, result switch { CampaignResult.Amend => "部分条款与新修订的上位法不一致，建议修改。", CampaignResult.Repeal => "调整对象已消失，建议废止。", _ => null });
            }
            cleanupDocs += count;
            c.Close(new DateOnly(2023, 10, 31), $"{theme}相关规范性文件清理完成。");
            db.Add(c);
        }
        await db.SaveChangesAsync(ct);
        db.Add(new FilingReport { CongressId = haixi.Id, Year = 2023, PublishedOn = new DateOnly(2024, 1, 20), Text = FilingStatistics.Sentences(await FilingStatistics.ForYearAsync(db, haixi.Id, 2023, ct)) });

        // --- the current year: a filing in every state ---------------------------------------------------------
        var y = today.Year;
        DateOnly Ago(int days) => today.AddDays(-days);
        var archived = NewFiling(gov, $"海西州人民政府关于印发海西州城市供水管理办法的通知", $"西政〔{y}〕8号", DocumentKind.Other, Ago(150), Ago(140));
        var corrected = NewFiling(gov, $"海西州人民政府关于印发海西州机动车停车场管理办法的通知", $"西政〔{y}〕15号", DocumentKind.Other, Ago(130), Ago(118));
        var problem = NewFiling(gov, $"海西州人民政府关于印发海西州城市房屋征收补偿办法的通知", $"西政〔{y}〕21号", DocumentKind.Other, Ago(110), Ago(100));
        var late = NewFiling(new Filer(FilerType.Procuratorate, procuratorate.Id, null, procuratorate.Name), "海西州人民检察院关于加强公益诉讼检察工作的意见", $"西检〔{y}〕3号", DocumentKind.Other, Ago(90), Ago(35));
        var underReview = NewFiling(gov, $"海西州人民政府关于印发海西州营商环境优化若干措施的通知", $"西政〔{y}〕30号", DocumentKind.Other, Ago(60), Ago(50));
        var received = NewFiling(new Filer(FilerType.LowerCongress, null, golmud.Id, golmud.StandingCommitteeName), "格尔木市人大常委会关于加强城市绿化管理的决定", $"格人常〔{y}〕5号", DocumentKind.Decision, Ago(12), Ago(6));
        received.IssuingOrgan = golmud.StandingCommitteeName;
        var submitted = NewFiling(gov, $"海西州人民政府关于印发海西州生活垃圾分类管理办法的通知", $"西政〔{y}〕41号", DocumentKind.Other, Ago(8), Ago(2));
        var returned = NewFiling(new Filer(FilerType.SupervisoryCommission, supervisory.Id, null, supervisory.Name), "海西州监察委员会关于规范监察建议工作的办法", $"西监〔{y}〕2号", DocumentKind.Other, Ago(20), Ago(9));
        var referred = NewFiling(gov, "海西州发展和改革委员会关于印发价格监测工作规程的通知", $"西发改〔{y}〕12号", DocumentKind.Other, Ago(25), Ago(15));
        var annulled = NewFiling(gov, $"海西州人民政府关于印发海西州客运出租汽车管理办法的通知", $"西政〔{y}〕2号", DocumentKind.Other, Ago(200), Ago(190));
        await db.SaveChangesAsync(ct);

        foreach (var f in new[] { annulled, archived, corrected, problem, late, underReview, received })
        {
            Receive(f, f.FiledOn.AddDays(2));
            CheckClock(f, true);
        }
        CheckClock(submitted, false);
        returned.ReturnForResubmission(Ago(4), "未附起草说明和制定依据，文件未加盖印章，请补正后重新报送。");
        CheckClock(returned, true);
        Clock(FilingClocks.Of(returned), FilingClocks.Resubmit(st, returned.Title), Ago(4), false, ClockOwner.Unit(supervisory.Id));
        referred.Refer(Ago(11), "海西州人民政府（部门规范性文件由州人民政府备案审查）");
        CheckClock(referred, true);
        var reviews = new Dictionary<Filing, Review>();
        foreach (var f in new[] { annulled, archived, corrected, problem, late, underReview, received })
            reviews[f] = NewReview(f, f.Title, ReviewMode.Active, f.ReceivedOn!.Value);
        await db.SaveChangesAsync(ct);

        foreach (var (f, r) in reviews)
        {
            var open = f == received;
            PassClock(r, !open);
            if (open) continue;
            r.PassToCommittee(r.RegisteredOn.AddDays(3), legal.Id, legal.Name);
            f.MarkUnderReview();
            ReviewClock(r, f == underReview || f == late ? false : true);
        }
        // Archived without a problem.
        Findings(reviews[archived]);
        reviews[archived].Close(reviews[archived].PassedOn!.Value.AddDays(35), ReviewOutcome.NoProblem, "未发现问题，予以归档。", null, null);
        archived.Archive(reviews[archived].ClosedOn!.Value);
        // Corrected after communication: the government amended the provision on towing fees.
        var rc = reviews[corrected];
        Findings(rc, ReviewStandard.Legality, "《中华人民共和国行政处罚法》第十六条：除法律、法规、规章外，其他规范性文件不得设定行政处罚。");
        rc.Log(CommunicationKind.Communication, rc.PassedOn!.Value.AddDays(30), "与州司法局、州住建局沟通，指出第十八条对未按规定停放车辆处以罚款的规定超越权限。", "fagongwei");
        corrected.MarkProblem();
        rc.Log(CommunicationKind.CorrectionPlan, rc.PassedOn!.Value.AddDays(40), "州人民政府承诺删除第十八条罚款规定，于一个月内印发修改决定。", "fagongwei");
        rc.Log(CommunicationKind.Correction, rc.PassedOn!.Value.AddDays(70), "已核实：州人民政府印发修改决定（西政〔" + y + "〕26号），删除第十八条。", "fagongwei");
        rc.Close(rc.PassedOn!.Value.AddDays(70), ReviewOutcome.Corrected, "制定机关已修改，删除超越权限设定的罚款。", null, $"海西州人民政府关于修改《海西州机动车停车场管理办法》的决定（西政〔{y}〕26号）");
        corrected.Archive(rc.ClosedOn!.Value);
        // A problem under correction: the written review opinion is out, the 2-month reply clock running.
        var rp = reviews[problem];
        Findings(rp, ReviewStandard.Legality, "《国有土地上房屋征收与补偿条例》第二十七条：禁止建设单位参与搬迁活动；不得采取中断供水、供热等非法方式迫使搬迁。");
        rp.Log(CommunicationKind.Communication, Ago(45), "与州住建局沟通：第二十二条允许建设单位参与搬迁并可“采取必要措施”，与上位法不一致。州住建局认为不需修改。", "fagongwei");
        problem.MarkProblem();
        rp.Log(CommunicationKind.Opinion, Ago(20), "向州人民政府发出书面审查意见，建议删除第二十二条第二款，并于两个月内书面回复。", "fagongwei");
        // Late filing, under review; the upward filing from Golmud registered, to be passed.
        reviews[late].RecordFinding(ReviewStandard.Constitutionality, false, null, "未发现问题。");
        // Annulled by the standing committee after the government refused to correct.
        var ra = reviews[annulled];
        Findings(ra, ReviewStandard.Legality, "《中华人民共和国行政许可法》第十七条：其他规范性文件一律不得设定行政许可。");
        ra.Log(CommunicationKind.Communication, ra.PassedOn!.Value.AddDays(20), "指出第九条设定“出租汽车驾驶员从业资格州级审批”超越权限。", "fagongwei");
        annulled.MarkProblem();
        ra.Log(CommunicationKind.Opinion, ra.PassedOn!.Value.AddDays(30), "发出书面审查意见，要求两个月内纠正。", "fagongwei");
        ra.Log(CommunicationKind.Reply, ra.PassedOn!.Value.AddDays(80), "州人民政府回复不予修改。", "fagongwei");
        ra.Log(CommunicationKind.Escalation, ra.PassedOn!.Value.AddDays(85), "提请主任会议研究，主任会议决定提请常委会会议审议撤销。", "fagongwei");
        ra.Annul(ra.PassedOn!.Value.AddDays(100), "常委会会议表决通过关于撤销该办法第九条的决定。");
        annulled.Annul(ra.ClosedOn!.Value);
        await db.SaveChangesAsync(ct);
        Clock(FilingClocks.Of(rp), FilingClocks.Reply(st, rp.DocumentTitle), Ago(20), false, ClockOwner.Unit(government.Id));

        // Review suggestions: one just received, one taken up into the problem review, one not taken up.
        ReviewSuggestion Suggestion(string code, string name, string title, string content, DateOnly on)
        {
            var s = new ReviewSuggestion
            {
                CongressId = haixi.Id, TrackingCode = code, ProposerName = name, Contact = "139****" + code[^4..], DocumentTitle = title, Content = content,
                ReceivedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), ReceivedOn = on,
            };
            db.Add(s);
            return s;
        }
        var fresh = Suggestion("DEMO2K7QXA", "李建国", "海西州城市市容和环境卫生管理办法", "该办法第二十五条规定对在公共场所晾晒衣物处以罚款，建议审查其合法性和适当性。", Ago(1));
        var taken = Suggestion("DEMO5R8MHB", "德令哈市某物业服务企业", problem.Title, "第二十二条允许建设单位参与搬迁，与《国有土地上房屋征收与补偿条例》不一致，建议审查。", Ago(50));
        taken.Organisation = "德令哈市物业管理协会";
        var declined = Suggestion("DEMO9T3WPC", "王海燕", "海西州某县人民政府办公室关于调整集中供暖时间的通知", "建议审查供暖时间调整的合理性。", Ago(30));
        await db.SaveChangesAsync(ct);
        Clock(FilingClocks.Of(fresh), FilingClocks.SuggestionComplete(st, fresh.DocumentTitle), fresh.ReceivedOn, false);
        Clock(FilingClocks.Of(fresh), FilingClocks.SuggestionTakeUp(st, fresh.DocumentTitle), fresh.ReceivedOn, false);
        taken.TakeUp(rp.Id);
        declined.Decline(Ago(25), "该通知系县级人民政府办公室的工作安排，不属于州人大常委会备案审查范围，已告知可向县人大常委会提出。");

        // The government's catalogue of last year's documents: two listed documents were never filed (漏报).
        var catalogue = new FilingCatalogue
        {
            CongressId = haixi.Id, FilerType = FilerType.Government, FilerHandlingUnitId = government.Id, FilerName = government.Name, Year = y - 1,
            SubmittedOn = new DateOnly(y, 1, 26), Late = false,
        };
        for (var i = 0; i < 6; i++)
            catalogue.Entries.Add(new CatalogueEntry { Title = $"海西州人民政府关于印发{new[] { "海西州城乡居民医疗救助办法", "海西州农村牧区人居环境整治办法", "海西州公共资源交易管理办法", "海西州地方储备粮管理办法", "海西州防汛抗旱应急预案管理办法", "海西州数字政府建设管理办法" }[i]}的通知", DocumentNumber = $"西政〔{y - 1}〕{3 + i * 9}号", PublishedOn = new DateOnly(y - 1, 2 + i, 10) });
        db.Add(catalogue);
        await db.SaveChangesAsync(ct);
        // Four of the six were filed (last year, reviewed and archived); two are the unfiled ones.
        foreach (var e in catalogue.Entries.Take(4))
        {
            var f = NewFiling(gov, e.Title, e.DocumentNumber, DocumentKind.Other, e.PublishedOn, e.PublishedOn.AddDays(15));
            await db.SaveChangesAsync(ct);
            Receive(f, f.FiledOn.AddDays(2));
            CheckClock(f, true);
            var r = NewReview(f, f.Title, ReviewMode.Active, f.ReceivedOn!.Value);
            await db.SaveChangesAsync(ct);
            PassClock(r, true);
            r.PassToCommittee(r.RegisteredOn.AddDays(2), legal.Id, legal.Name);
            f.MarkUnderReview();
            ReviewClock(r, true);
            Findings(r);
            r.Close(r.PassedOn!.Value.AddDays(30), ReviewOutcome.NoProblem, "未发现问题，予以归档。", null, null);
            f.Archive(r.ClosedOn!.Value);
        }

        // This year's special review, open.
        var special = new ReviewCampaign
        {
            CongressId = haixi.Id, Kind = CampaignKind.SpecialReview, Theme = "涉及优化营商环境的规范性文件", Scope = "州人民政府及其部门规范性文件", Year = y, StartedOn = Ago(40),
        };
        special.AddDocument(new CampaignDocument { Title = underReview.Title, DocumentNumber = underReview.DocumentNumber, IssuingOrgan = underReview.IssuingOrgan, FilingId = underReview.Id });
        special.Decide(special.AddDocument(new CampaignDocument { Title = archived.Title, DocumentNumber = archived.DocumentNumber, IssuingOrgan = archived.IssuingOrgan, FilingId = archived.Id }),
            CampaignResult.Keep, null);
        db.Add(special);
        await db.SaveChangesAsync(ct);
    }
}
