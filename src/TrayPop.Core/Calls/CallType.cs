namespace TrayPop.Core.Calls;

/// <summary>Who placed the call, as the softphone reports it. A missing type means inbound.</summary>
internal enum CallType
{
    Inbound,
    Outbound,
    Internal,
    Predictive,
}
