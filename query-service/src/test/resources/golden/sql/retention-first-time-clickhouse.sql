SELECT g, cohort, count(*) AS users, countIf(has(returns, cohort + 0)) AS retained0, countIf(has(returns, cohort + 1)) AS retained1
FROM (SELECT (toYear(toDate(toUInt16(intDiv((first_time + CASE WHEN first_time < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000)))) * 12 + toMonth(toDate(toUInt16(intDiv((first_time + CASE WHEN first_time < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000)))) - 1) AS cohort, g, returns
FROM (SELECT user_id, groupUniqArrayIf((toYear(toDate(toUInt16(intDiv((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000)))) * 12 + toMonth(toDate(toUInt16(intDiv((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000)))) - 1), ((1 = 1) AND time_ms >= 1772341200000)) AS returns, minIf(time_ms, (event IN ('Register') AND (1 = 1))) AS first_time, tupleElement(argMinIf(tuple(CAST(`amount` AS Nullable(String))), tuple(time_ms, insert_id), (event IN ('Register') AND (1 = 1))), 1) AS g
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `amount`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms < 1777608000000 AND (1 = 1)) AS e
GROUP BY user_id
HAVING countIf(((event IN ('Register') AND (1 = 1)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)) > 0) AS u
WHERE first_time >= 1772600400000 AND first_time < 1773201600000) AS r
GROUP BY g, cohort
