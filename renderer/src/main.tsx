import type { StartResult } from '../../preload/contract/app';
import { netwhy } from './api';
import { firstPicture, prefetchTimeline } from './features/timeline/prefetch';
import './styles.css';

// This entry is small on purpose: it asks main for what the first screen needs (settings, app info, the timeline's
// range and first buckets, in one round trip) before the rest of the app — most of the bundle — has been loaded and
// compiled, so main's answer and that work overlap instead of following each other (issue 6: the timeline's first
// picture).
const started: Promise<StartResult> = netwhy.app.start({ timelineFirst: firstPicture() });
prefetchTimeline(started.then((s) => s.timeline));
void import('./start').then((m) => m.start(started));
