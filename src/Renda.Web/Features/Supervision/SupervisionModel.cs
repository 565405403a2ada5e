namespace Renda.Web.Features.Supervision;

/// <summary>The module's tables and indexes, added to the one model by RendaDbContext.</summary>
public static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SupervisionSettings>().ToTable("SupervisionSettings").HasIndex(s => s.CongressId).IsUnique();
        b.Entity<SupervisionPlan>(e =>
        {
            e.ToTable("SupervisionPlans");
            e.HasIndex(p => new { p.CongressId, p.Year }).IsUnique();
            e.HasMany(p => p.Topics).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PlanTopic>().ToTable("PlanTopics");
        b.Entity<WorkReport>(e =>
        {
            e.ToTable("WorkReports");
            e.HasIndex(r => new { r.CongressId, r.Year, r.Kind });
            e.HasIndex(r => r.MeetingId);
            e.HasIndex(r => r.TopicId);
        });
        b.Entity<LawEnforcementInspection>(e =>
        {
            e.ToTable("LawEnforcementInspections");
            e.HasIndex(i => new { i.CongressId, i.Year });
            e.HasIndex(i => i.ParentId);
            e.HasMany(i => i.Team).WithOne().HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InspectionTeamMember>().ToTable("InspectionTeamMembers");
        b.Entity<SpecialInquiry>(e =>
        {
            e.ToTable("SpecialInquiries");
            e.HasIndex(i => new { i.CongressId, i.Year });
            e.HasMany(i => i.Questions).WithOne().HasForeignKey(q => q.InquiryId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InquiryQuestion>().ToTable("InquiryQuestions");
        b.Entity<Survey>(e =>
        {
            e.ToTable("Surveys");
            e.HasIndex(s => new { s.CongressId, s.Year, s.Kind });
            e.HasMany(s => s.Deputies).WithOne().HasForeignKey(d => d.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SurveyDeputy>().ToTable("SurveyDeputies").HasIndex(d => new { d.SurveyId, d.DeputyId }).IsUnique();
        b.Entity<Interpellation>(e =>
        {
            e.ToTable("Interpellations");
            e.HasIndex(i => new { i.CongressId, i.Year });
            e.HasMany(i => i.Proposers).WithOne().HasForeignKey(p => p.InterpellationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InterpellationProposer>().ToTable("InterpellationProposers").HasIndex(p => new { p.InterpellationId, p.PersonId }).IsUnique();
        b.Entity<PostAppointmentReview>(e =>
        {
            e.ToTable("PostAppointmentReviews");
            e.HasIndex(r => new { r.CongressId, r.Year });
            // One round per official per year.
            e.HasIndex(r => new { r.AppointmentId, r.Year }).IsUnique();
        });
        // The unique index refuses a second appraisal of the same member, also when two arrive at once.
        b.Entity<AppraisalReceipt>().ToTable("AppraisalReceipts").HasIndex(x => new { x.ReviewId, x.PersonId }).IsUnique();
        b.Entity<AppraisalPaper>().ToTable("AppraisalPapers").HasIndex(x => x.ReviewId);
    }
}
