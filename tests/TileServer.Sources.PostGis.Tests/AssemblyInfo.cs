// The outage test stops and restarts the shared PostgreSQL: no other test may run meanwhile.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
