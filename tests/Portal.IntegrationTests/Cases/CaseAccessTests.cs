using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Cases;

/// <summary>An investor reaches only their own cases and files, by every route; the desk's methods are the desk's; attachments are checked by their bytes.</summary>
public sealed class CaseAccessTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public void The_case_services_start_with_scope_validation_as_in_Development()
    {
        using var validating = app.WithWebHostBuilder(b => b.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        }));

        Assert.NotNull(validating.Services.GetRequiredService<CaseDesk>());
        Assert.NotNull(validating.Services.GetRequiredService<CallRecords>());
        Assert.NotNull(validating.Services.GetRequiredService<LatePoints>());
    }

    [Fact]
    public async Task Another_investors_case_is_not_found_by_any_method()
    {
        var owner = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var other = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);
        var created = await app.Investors().SubmitAsync(owner, CaseTestKit.Complaint("Mine only"));
        var version = (await app.Investors().GetAsync(owner, CaseKind.Complaint, created.Reference))!.Version;
        var investors = app.Investors();

        Assert.Null(await investors.GetAsync(other, CaseKind.Complaint, created.Reference));
        Assert.Null(await investors.GetAsync(owner, CaseKind.Request, created.Reference));
        Assert.DoesNotContain((await investors.ListAsync(other, CaseKind.Complaint, null, 0, 100)).Rows, r => r.Reference == created.Reference);
        foreach (var call in new Func<Task>[]
        {
            () => investors.ReplyAsync(other, created.Reference, "hello", [], Guid.NewGuid()),
            () => investors.WithdrawAsync(other, created.Reference, version),
            () => investors.ReopenAsync(other, created.Reference, "why", version),
            () => investors.RateAsync(other, created.Reference, 5, null),
        })
        {
            Assert.Equal(CaseError.NotFound, (await Assert.ThrowsAsync<CaseException>(call)).Code);
        }

        Assert.Equal(CaseStatus.New, (await investors.GetAsync(owner, CaseKind.Complaint, created.Reference))!.Status);
    }

    [Fact]
    public async Task A_case_page_answers_404_from_its_first_response_for_another_investors_or_an_unknown_reference()
    {
        var owner = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var complaint = await app.Investors().SubmitAsync(owner, CaseTestKit.Complaint("Page of mine"));
        using var ownerClient = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
        using var otherClient = await app.SignedInClientAsync(DemoUsers.GoldInvestor);
        using var agentClient = await app.SignedInClientAsync(DemoUsers.Agent);

        using var own = await ownerClient.GetAsync($"/complaints/{complaint.Reference}");
        using var others = await otherClient.GetAsync($"/complaints/{complaint.Reference}");
        using var wrongKind = await ownerClient.GetAsync($"/requests/{complaint.Reference}");
        using var unknown = await ownerClient.GetAsync("/complaints/C-20990101-9999");
        using var desk = await agentClient.GetAsync($"/agent/tickets/{complaint.Reference}");
        using var deskUnknown = await agentClient.GetAsync("/agent/tickets/C-20990101-9999");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deskUnknown.StatusCode);
        Assert.DoesNotContain("Page of mine", await others.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_a_problem_fills_in_only_the_investors_own_transaction()
    {
        var owner = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var other = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);
        var failed = await app.WithDbAsync(db => db.Set<Transaction>().Where(t => t.InvestorId == owner.InvestorId)
            .OrderBy(t => t.Status == TransactionStatus.Failed ? 0 : 1).ThenBy(t => t.Id).Select(t => t.Id).FirstAsync());

        var context = await app.Investors().GetContextAsync(owner, failed, null);
        var notTheirs = await app.Investors().GetContextAsync(other, failed, null);
        var submitted = await app.Investors().SubmitAsync(owner, CaseTestKit.Complaint("About a transaction") with { TransactionId = failed });
        var refused = await Assert.ThrowsAsync<CaseException>(() => app.Investors().SubmitAsync(other, CaseTestKit.Complaint("Not mine") with { TransactionId = failed }));
        var view = await app.Investors().GetAsync(owner, CaseKind.Complaint, submitted.Reference);

        Assert.NotNull(context);
        Assert.Equal(failed, context.TransactionId);
        Assert.False(string.IsNullOrWhiteSpace(context.Summary));
        Assert.False(string.IsNullOrWhiteSpace(context.SuggestedSubject));
        Assert.Null(notTheirs);
        Assert.Equal(CaseError.Invalid, refused.Code);
        Assert.True(refused.FieldErrors.ContainsKey(nameof(NewCaseInput.TransactionId)));
        Assert.Equal(context.Summary, view!.TransactionSummary);
        Assert.Equal(context.AccountNumber, view.AccountNumber);
    }

    [Fact]
    public async Task Investors_and_other_roles_may_not_use_the_desk()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var editor = await app.ActorAsync(DemoUsers.Editor, Roles.Editor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Desk only"));
        var desk = app.Desk();
        var services = app.Services;

        foreach (var actor in new[] { investor, editor })
        {
            await Assert.ThrowsAsync<ActorForbiddenException>(() => desk.ListAsync(actor, new DeskQuery(DeskView.All, null, null, null, null, 0, 10)));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => desk.GetAsync(actor, created.Reference));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => desk.PickUpAsync(actor, created.Reference));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => desk.AddNoteAsync(actor, created.Reference, "x"));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => desk.SetStatusAsync(actor, created.Reference, CaseStatus.Resolved, "x", 1));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => desk.CountAsync(actor));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => services.GetRequiredService<CallRecords>().ListRecentAsync(actor, 5));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => services.GetRequiredService<PhoneScripts>().ListAsync(actor));
        }

        await Assert.ThrowsAsync<ActorForbiddenException>(() => app.Investors().SubmitAsync(agent, CaseTestKit.Complaint()));
        await Assert.ThrowsAsync<ActorForbiddenException>(() => services.GetRequiredService<PhoneScripts>().SaveAsync(agent, PhoneScriptKind.Greeting, "en", "Hi", 1));
        await Assert.ThrowsAsync<ActorForbiddenException>(() => services.GetRequiredService<LatePoints>().TotalsAsync(agent, new DateOnly(2026, 12, 1)));
        Assert.Empty(await app.WithDbAsync(db => db.Set<Portal.Web.Features.Cases.Model.CaseEvent>()
            .Where(e => e.Case!.Reference == created.Reference && e.Kind == CaseTimelineKind.InternalNote).ToListAsync()));
    }

    [Fact]
    public async Task A_file_is_typed_by_its_bytes_and_bad_files_are_refused_with_the_reason()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var files = new List<UploadedFile> { new("receipt.pdf", CaseTestKit.Png), new("statement.pdf", CaseTestKit.Pdf) };

        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("With files", files));
        var view = await app.Investors().GetAsync(investor, CaseKind.Complaint, created.Reference);
        var exe = await Assert.ThrowsAsync<CaseException>(() =>
            app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Program", [new("invoice.pdf", CaseTestKit.Exe)])));
        var six = await Assert.ThrowsAsync<CaseException>(() =>
            app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Six", [.. Enumerable.Range(1, 6).Select(i => new UploadedFile($"p{i}.pdf", CaseTestKit.Pdf))])));
        var big = await Assert.ThrowsAsync<CaseException>(() =>
            app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Big", [new("scan.pdf", [.. CaseTestKit.Pdf, .. new byte[CaseLimits.MaxAttachmentBytes]])])));
        var onReply = await Assert.ThrowsAsync<CaseException>(() =>
            app.Investors().ReplyAsync(investor, created.Reference, "another", [new("x.png", CaseTestKit.Exe)], Guid.NewGuid()));

        Assert.Equal([("receipt.pdf", "image/png", (long)CaseTestKit.Png.Length), ("statement.pdf", "application/pdf", (long)CaseTestKit.Pdf.Length)],
            view!.Attachments.Select(a => (a.FileName, a.ContentType, a.Size)));
        Assert.Equal(view.Attachments, view.Timeline.Single(t => t.Kind == CaseTimelineKind.Created).Attachments);
        Assert.Equal(CaseError.AttachmentRejected, exe.Code);
        Assert.Equal(app.Text<Portal.Web.Resources.CasesText>("Attachment.WrongType", "en", "invoice.pdf"), exe.FieldErrors["Attachments"]);
        Assert.Equal(CaseError.AttachmentRejected, six.Code);
        Assert.Contains(app.Text<Portal.Web.Resources.CasesText>("Attachment.TooMany", "en", CaseLimits.MaxAttachments), six.Message);
        Assert.Equal(CaseError.AttachmentRejected, big.Code);
        Assert.Contains("scan.pdf", big.Message);
        Assert.Equal(CaseError.AttachmentRejected, onReply.Code);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Portal.Web.Features.Cases.Model.Case>().CountAsync(c => c.Subject == "Program" || c.Subject == "Six" || c.Subject == "Big")));
    }

    [Fact]
    public async Task An_attachment_downloads_for_its_investor_and_the_desk_only_audited_for_staff()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Download", [new("photo.pdf", CaseTestKit.Png)]));
        var attachment = (await app.Investors().GetAsync(investor, CaseKind.Complaint, created.Reference))!.Attachments.Single();
        var url = CaseAttachments.UrlOf(created.Reference, attachment.Id);
        using var owner = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
        using var other = await app.SignedInClientAsync(DemoUsers.GoldInvestor);
        using var agent = await app.SignedInClientAsync(DemoUsers.Agent);
        using var editor = await app.SignedInClientAsync(DemoUsers.Editor);
        using var anonymous = app.CreatePortalClient();

        using var mine = await owner.GetAsync(url);
        using var theirs = await other.GetAsync(url);
        using var wrongCase = await owner.GetAsync(CaseAttachments.UrlOf("C-20000101-0001", attachment.Id));
        using var staff = await agent.GetAsync(url);
        using var notDesk = await editor.GetAsync(url);
        using var nobody = await anonymous.GetAsync(url);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>()
            .Where(a => a.Action == AuditActions.CaseAttachmentDownload && a.Subject == "case:" + created.Reference).Select(a => a.ActorName).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(CaseTestKit.Png, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", mine.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("photo.pdf", mine.Content.Headers.ContentDisposition?.FileNameStar ?? mine.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", mine.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongCase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notDesk.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, nobody.StatusCode);
        Assert.Equal(["王芳"], audited);
    }
}
