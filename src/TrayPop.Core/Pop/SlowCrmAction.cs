namespace TrayPop.Core.Pop;

/// <summary>What the agent gets when the CRM did not answer within the pop budget.</summary>
internal enum SlowCrmAction
{
    /// <summary>The CRM search page for the number: the CRM finds the record itself once it answers.</summary>
    Search,

    NewContactForm,
}
