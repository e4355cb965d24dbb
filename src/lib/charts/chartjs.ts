/**
 * Chart.js with only the pieces the result charts use registered. Import it
 * only through `loadChart()` (./register.ts), so it lands in its own chunk
 * that the quiz never downloads.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	PointElement,
	ScatterController,
	Tooltip
} from 'chart.js';

Chart.register(
	// position: floating bar + scatter point; facets: bars.
	BarController,
	ScatterController,
	BarElement,
	PointElement,
	CategoryScale,
	LinearScale,
	// Legend names the scale colours on the facets chart; tooltips give exact values.
	Legend,
	Tooltip
);

// Charts speak in the page's own system font rather than Chart.js's default list.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export { Chart };
