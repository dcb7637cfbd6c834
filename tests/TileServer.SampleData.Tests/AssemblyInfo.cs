// The full-default generation asserts its own wall time; other tests running beside it on the two
// shared cores would distort that measurement.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
