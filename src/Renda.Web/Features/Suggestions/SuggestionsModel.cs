namespace Renda.Web.Features.Suggestions;

/// <summary>The module's tables and indexes, added to the one model by RendaDbContext.</summary>
public static class SuggestionsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Suggestion>(e =>
        {
            e.ToTable("Suggestions");
            // Covers every column the statistics count (0004), so a congress's year is read from the index alone; replaces (CongressId, Year, Status).
            e.HasIndex(s => new { s.CongressId, s.Year, s.Status, s.Category, s.LeadDeputyId, s.AssignedOn, s.AnswerDueOn, s.FirstAnsweredOn, s.AnswerCategory, s.Rating, s.RatingMissing, s.FaceToFaceContact, s.IsKey, s.Id })
                .HasDatabaseName("IX_Suggestions_Statistics");
            // The list pages newest first (ORDER BY Id DESC) within a congress, optionally a year and a status:
            // each of these shapes has an index that yields its rows in that order, and each carries Status, so the
            // visibility rule (no drafts for staff), the total count and the page's ids come from the index alone
            // (SuggestionQueries.ListAsync). CreatedByAccountId served an earlier rule (staff saw their own drafts)
            // and is read by no query now; it stays because dropping it measured no faster (docs/decisions/0009).
            e.HasIndex(s => new { s.CongressId, s.Id, s.Status, s.CreatedByAccountId });
            e.HasIndex(s => new { s.CongressId, s.Year, s.Id, s.Status, s.CreatedByAccountId });
            e.HasIndex(s => new { s.CongressId, s.Status, s.Id, s.CreatedByAccountId });
            e.HasIndex(s => new { s.CongressId, s.Year, s.Status, s.Id, s.CreatedByAccountId });
            e.HasIndex(s => new { s.CongressId, s.Number }).IsUnique();
            e.HasIndex(s => new { s.CongressId, s.Year, s.Serial }).IsUnique();
            e.HasIndex(s => new { s.CreatedByAccountId, s.IdempotencyKey }).IsUnique();
            e.HasIndex(s => s.LeadDeputyId);
            e.HasMany(s => s.Signers).WithOne().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Assignments).WithOne().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Answers).WithOne().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Contacts).WithOne().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Ratings).WithOne().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.History).WithOne().HasForeignKey(x => x.SuggestionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SuggestionSigner>().ToTable("SuggestionSigners").HasIndex(x => x.DeputyId);
        b.Entity<SuggestionAssignment>().ToTable("SuggestionAssignments").HasIndex(x => new { x.HandlingUnitId, x.Status });
        b.Entity<SuggestionAssignment>().HasIndex(x => new { x.SuggestionId, x.Status, x.Role, x.HandlingUnitId }).HasDatabaseName("IX_SuggestionAssignments_Statistics"); // statistics by unit (0004)
        b.Entity<SuggestionContact>().ToTable("SuggestionContacts").HasIndex(x => x.HandlingUnitId);
        b.Entity<SuggestionAnswer>().ToTable("SuggestionAnswers");
        b.Entity<SuggestionRating>().ToTable("SuggestionRatings");
        b.Entity<SuggestionEvent>().ToTable("SuggestionEvents");
        b.Entity<CommitmentProgress>().ToTable("CommitmentProgress");
        b.Entity<Commitment>(e =>
        {
            e.ToTable("Commitments");
            e.HasOne(c => c.Suggestion).WithMany().HasForeignKey(c => c.SuggestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Progress).WithOne().HasForeignKey(p => p.CommitmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => new { c.HandlingUnitId, c.Status });
            e.HasIndex(c => new { c.SuggestionId, c.Status, c.HandlingUnitId }).HasDatabaseName("IX_Commitments_Statistics"); // 落实率 by unit (0004)
        });
        b.Entity<SuggestionSettings>().ToTable("SuggestionSettings").HasIndex(x => x.CongressId).IsUnique();
    }
}
