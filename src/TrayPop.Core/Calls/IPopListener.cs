namespace TrayPop.Core.Calls;

/// <summary>Told about every handled call event (the tray's recent-calls list, the journal).</summary>
internal interface IPopListener
{
    void OnHandled(PopReport report);
}
