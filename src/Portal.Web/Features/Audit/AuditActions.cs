using System.Reflection;

namespace Portal.Web.Features.Audit;

/// <summary>The actions the audit trail records. Names are stored; never rename one.</summary>
public static class AuditActions
{
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string Lockout = "Lockout";
    public const string SignOut = "SignOut";
    public const string ActivationCodeSent = "ActivationCodeSent";
    public const string Activation = "Activation";
    public const string PasswordResetRequested = "PasswordResetRequested";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string RecoveryCodesGenerated = "RecoveryCodesGenerated";
    public const string AccessDenied = "AccessDenied";
    public const string RoleChanged = "RoleChanged";
    public const string TierOverride = "TierOverride";
    public const string StatementDownload = "StatementDownload";
    public const string Import = "Import";
    public const string MonthEnd = "MonthEnd";
    public const string MonthEndRequested = "MonthEndRequested";
    public const string ContentApproved = "ContentApproved";
    public const string ContentPublished = "ContentPublished";
    public const string ContentUnpublished = "ContentUnpublished";
    public const string SettingsChanged = "SettingsChanged";
    public const string AuditVerified = "AuditVerified";
    public const string AuditExported = "AuditExported";
    public const string ChatStarted = "ChatStarted";

    /// <summary>No longer recorded (an offline chat message opens a case now); kept so the trail still names the old rows.</summary>
    public const string ChatOfflineMessage = "ChatOfflineMessage";
    public const string ChatAccepted = "ChatAccepted";
    public const string ChatTransferred = "ChatTransferred";
    public const string ChatEnded = "ChatEnded";
    public const string ChatRated = "ChatRated";
    public const string CaseCreated = "CaseCreated";
    public const string CaseOpened = "CaseOpened";
    public const string CasePickedUp = "CasePickedUp";
    public const string CaseAssigned = "CaseAssigned";
    public const string CaseEscalated = "CaseEscalated";
    public const string CaseStatusChanged = "CaseStatusChanged";
    public const string CaseReplied = "CaseReplied";
    public const string CaseNoteAdded = "CaseNoteAdded";
    public const string CaseFormSaved = "CaseFormSaved";
    public const string CaseReviewed = "CaseReviewed";
    public const string CaseRated = "CaseRated";
    public const string CaseAttachmentDownload = "CaseAttachmentDownload";
    public const string CasePointsAwarded = "CasePointsAwarded";
    public const string CasePointsOffset = "CasePointsOffset";
    public const string CallRecorded = "CallRecorded";
    public const string PhoneScriptChanged = "PhoneScriptChanged";
    public const string NotificationRetried = "NotificationRetried";
    public const string AppointmentBooked = "AppointmentBooked";
    public const string AppointmentRescheduled = "AppointmentRescheduled";
    public const string AppointmentCancelled = "AppointmentCancelled";
    public const string AppointmentConfirmed = "AppointmentConfirmed";
    public const string AppointmentDeclined = "AppointmentDeclined";
    public const string AppointmentCompleted = "AppointmentCompleted";
    public const string AppointmentNoShow = "AppointmentNoShow";
    public const string AppointmentNotesSaved = "AppointmentNotesSaved";
    public const string AdviserSettingsSaved = "AdviserSettingsSaved";
    public const string AdviserExceptionAdded = "AdviserExceptionAdded";
    public const string AdviserExceptionRemoved = "AdviserExceptionRemoved";
    public const string AdviserPhotoSaved = "AdviserPhotoSaved";
    public const string AppointmentReminderSent = "AppointmentReminderSent";

    /// <summary>Every action above, in the order written: what the audit page offers to filter by.</summary>
    public static readonly IReadOnlyList<string> All = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
